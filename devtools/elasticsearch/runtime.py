"""The Elasticsearch home the nodes run from: the cached distribution plus this plugin.

It is a mirror of the cached home, made with hard links where possible (a copy otherwise),
inside the state folder, with this checkout's build of the plugin as a module.  Inside the
state folder, the service user can read it when the cache under ``/root`` is private; per
plugin build, so a checkout never changes the home another checkout's nodes run from.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from .fetch import es_version
from .layout import once
from .plugin import PLUGIN_NAME
from .service_user import give_to_service_user

COMPLETE_MARKER = ".complete"


def runtime_home(data_dir: Path, home: Path, module: Path, plugin_hash: str) -> Path:
    """The home for ``plugin_hash`` under ``data_dir/runtime``, made if missing."""
    runtime = data_dir / "runtime"
    mirror = runtime / f"elasticsearch-{es_version()}-{plugin_hash}"
    complete = mirror / COMPLETE_MARKER
    once(complete.is_file, runtime / ".lock", lambda: make_mirror(home, module, mirror))
    return mirror


def make_mirror(home: Path, module: Path, mirror: Path) -> None:
    """Mirror ``home`` into ``mirror`` with ``module`` as the plugin, replacing older mirrors."""
    runtime = mirror.parent
    give_to_service_user([runtime])
    for old in runtime.glob("elasticsearch-*"):
        shutil.rmtree(old, ignore_errors=True)  # homes of other versions or plugin builds
    staging = runtime / ".partial"
    shutil.rmtree(staging, ignore_errors=True)
    linked = subprocess.run(["cp", "-al", str(home), str(staging)], capture_output=True)
    if linked.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        shutil.copytree(home, staging, symlinks=True)
    # A home fetched by an older launcher may hold a plugin build of its own.
    shutil.rmtree(staging / "modules" / PLUGIN_NAME, ignore_errors=True)
    shutil.copytree(module, staging / "modules" / PLUGIN_NAME)
    staging.rename(mirror)
    (mirror / COMPLETE_MARKER).touch()
