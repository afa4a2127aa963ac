"""Running as root: the nodes run as the system user ``bro-es``, in folders it owns.

Elasticsearch refuses to run as root.  ``bro-es`` is created with ``useradd --system`` when
missing, and the nodes are started through ``setpriv``, which execs (unlike ``runuser``,
which would SIGKILL the node 2 s after a SIGTERM).  ``bro-es`` often cannot enter the
checkout (``/root`` and ``mktemp -d`` folders are mode 0700), so as root the state folder is
under ``/var/lib/bro-es`` (``layout.state_dir``), created here owned by ``bro-es`` with mode
0750; the user's own folders are never opened up.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import subprocess
from pathlib import Path

from .layout import CHECKOUT, SERVICE_STATE_ROOT, EngineError

SERVICE_USER = "bro-es"
STATE_MODE = 0o750


def running_as_root() -> bool:
    """True if this process is root (Elasticsearch then needs another user)."""
    return os.geteuid() == 0


def service_user() -> pwd.struct_passwd:
    """The ``bro-es`` system user, created if missing (root only)."""
    with contextlib.suppress(KeyError):
        return pwd.getpwnam(SERVICE_USER)
    useradd = shutil.which("useradd")
    if useradd is None:
        raise EngineError(f"Running as root needs the user {SERVICE_USER!r}, and no useradd.")
    command = [
        useradd, "--system", "--no-create-home", "--home-dir", "/nonexistent",
        "--shell", "/usr/sbin/nologin", SERVICE_USER,
    ]  # fmt: skip
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0 and "already exists" not in result.stderr:
        raise EngineError(f"Could not create the user {SERVICE_USER!r}: {result.stderr.strip()}")
    return pwd.getpwnam(SERVICE_USER)


def give_to_service_user(paths: list[Path]) -> None:
    """As root, make ``paths`` belong to ``bro-es`` (symlinks themselves, not their targets)."""
    if not running_as_root():
        return
    user = service_user()
    for path in paths:
        os.lchown(path, user.pw_uid, user.pw_gid)


def prepare_state_dir(data_dir: Path) -> None:
    """Create the state folder; as root, owned by ``bro-es`` and naming its checkout."""
    if not running_as_root():
        data_dir.mkdir(parents=True, exist_ok=True)
        return
    for folder in (SERVICE_STATE_ROOT, data_dir):
        folder.mkdir(mode=STATE_MODE, exist_ok=True)
        folder.chmod(STATE_MODE)
        give_to_service_user([folder])
    (data_dir / "checkout").write_text(f"{CHECKOUT}\n")


def remove_state_dir(data_dir: Path) -> None:
    """Delete the state folder, and ``/var/lib/bro-es`` once no checkout has one there."""
    shutil.rmtree(data_dir, ignore_errors=True)
    if data_dir.parent == SERVICE_STATE_ROOT:
        with contextlib.suppress(OSError):
            SERVICE_STATE_ROOT.rmdir()


def privileged_command(command: list[str]) -> list[str]:
    """``command`` as ``bro-es`` when running as root, else unchanged."""
    if not running_as_root():
        return command
    user = service_user()
    setpriv = shutil.which("setpriv")
    if setpriv:
        return [
            setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}",
            "--init-groups", "--", *command,
        ]  # fmt: skip
    return ["runuser", "-u", SERVICE_USER, "--", *command]
