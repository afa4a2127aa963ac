"""Where a node's files and ports are: the state folder rule and one instance's layout.

The state folder is computed, never stored, so ``start``, ``stop``, ``status`` and ``clean``
find the same one from the checkout alone: as root ``/var/lib/bro-es/<hash>`` (the service
user can always reach it, whatever the permissions of the checkout's folders), otherwise
``<checkout>/.services/elasticsearch``.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
#: As root, every checkout's state folder lives under this one, owned by the service user.
SERVICE_STATE_ROOT = Path("/var/lib/bro-es")
DEFAULT_BASE_PORT = 9200
HOST = "127.0.0.1"
TRANSPORT_PORT_OFFSET = 100


class EngineError(Exception):
    """A failure to report to the user as one clear message (exit code 1)."""


def checkout_key(checkout: Path) -> str:
    """A short name for ``checkout`` that stays the same for the same path."""
    return hashlib.sha256(str(checkout).encode()).hexdigest()[:12]


def state_dir(checkout: Path = CHECKOUT, as_root: bool | None = None) -> Path:
    """The folder holding every node's files for ``checkout``."""
    if as_root is None:
        as_root = os.geteuid() == 0
    if as_root:
        return SERVICE_STATE_ROOT / checkout_key(checkout)
    return checkout / ".services" / "elasticsearch"


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive advisory lock on ``path`` (created if missing)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def once(done: Callable[[], bool], lock: Path, make: Callable[[], None]) -> None:
    """Run ``make`` unless ``done()``; the lock keeps parallel starts from making it twice."""
    if done():
        return
    with file_lock(lock):
        if not done():
            make()


@dataclass(frozen=True)
class Layout:
    """Where one instance (identified by its base port) keeps its files, and its ports."""

    data_dir: Path
    base_port: int

    @property
    def root(self) -> Path:
        """Folder of this base port's instance."""
        return self.data_dir / str(self.base_port)

    def node_dir(self, node: int) -> Path:
        """State folder of node ``node`` (1-based)."""
        return self.root / f"node-{node}"

    def pid_file(self, node: int) -> Path:
        """File holding the pid of node ``node``'s launcher JVM."""
        return self.node_dir(node) / "engine.pid"

    def log_file(self, node: int) -> Path:
        """File receiving the launcher JVM's stdout and stderr for node ``node``."""
        return self.node_dir(node) / "engine.log"

    def config_dir(self, node: int) -> Path:
        """The ``ES_PATH_CONF`` of node ``node``."""
        return self.node_dir(node) / "config"

    def http_port(self, node: int) -> int:
        """HTTP port of node ``node``."""
        return self.base_port + node

    def transport_port(self, node: int) -> int:
        """Transport port of node ``node``."""
        return self.base_port + TRANSPORT_PORT_OFFSET + node

    def url(self, node: int) -> str:
        """Base URL of node ``node``."""
        return f"http://{HOST}:{self.http_port(node)}"

    @property
    def shape_file(self) -> Path:
        """Record of the cluster size and name this folder's data was created with."""
        return self.root / "cluster.json"

    def known_nodes(self) -> list[int]:
        """Node numbers that have a folder under this instance, in order."""
        if not self.root.is_dir():
            return []
        numbers = []
        for child in self.root.glob("node-*"):
            suffix = child.name.removeprefix("node-")
            if child.is_dir() and suffix.isdigit():
                numbers.append(int(suffix))
        return sorted(numbers)


def instances(data_dir: Path) -> list[Layout]:
    """Every instance (base port) that has a folder in ``data_dir``."""
    if not data_dir.is_dir():
        return []
    ports = [int(child.name) for child in data_dir.iterdir() if child.name.isdigit()]
    return [Layout(data_dir, port) for port in sorted(ports)]
