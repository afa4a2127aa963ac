"""Start, stop and check a local Elasticsearch 8 for development and tests.

Why this exists: the project needs a real Elasticsearch node on every developer machine
and in CI, but those machines only reach package registries (no Docker, no download
site).  Maven Central does carry Elastic's own build of Elasticsearch 8 that Elastic uses
for integration tests (``org.elasticsearch.distribution.integ-test-zip:elasticsearch``), a
real server with only a few modules.  This module fetches it once into a cache outside the
repository, adds the small plugin in ``search/analysis_plugin/`` (built there with Maven),
and runs the nodes in the background, with nothing but the standard library (it must not
import Django, so make targets and CI can call it before the project is installed)::

    python -m search.engine start [--nodes N] [--base-port P] [--cluster-name NAME] [--data DIR]
    python -m search.engine stop [--node K] [--base-port P] [--data DIR]
    python -m search.engine status [--base-port P] [--data DIR]
    python -m search.engine wait [--nodes N] [--base-port P] [--data DIR]

Version: 8.19.21, the newest 8.x integ-test zip on Maven Central; it runs on Java 17
(``ES_JAVA_HOME`` is taken from ``JAVA_HOME`` or the ``java`` on the PATH).
``BRO_ES_VERSION`` picks another version of that zip; the plugin is then compiled against
the server jar of that same version.  The 8.x Python client needs an 8.x server.

What the integ-test zip lacks, and the plugin (``bro-compat``, installed as a module) adds
under Elasticsearch's own names and parameters: the ``danish``, ``swedish`` and ``english``
analyzers; the ``stemmer``, ``asciifolding``, configurable ``lowercase`` and
``synonym_graph`` token filters (inline Solr rules, ``lenient``; chain-aware like
Elasticsearch's); the ``search_as_you_type`` field type (mapper-extras is not on Maven
Central for 8.x); and ``GET /`` (the client's ``info()``).  ``stop``, ``shingle`` and the
bare ``lowercase`` filter are in the server already.  Not available: other analysis-common
filters and analyzers, the synonyms API (``_synonyms``), reindex, painless scripts, ICU.

Cache (``BRO_CACHE_DIR``, default ``~/.cache/bro``): ``elasticsearch-<version>/`` holds the
zip, the unpacked ``home/`` (marker ``fetch-complete.json``) and ``plugin/`` (the plugin's
build, marker ``plugin.json`` with a hash of its sources: it is rebuilt when they change).

Layout: node *n* listens for HTTP on ``base_port + n`` (9201 for the default base 9200,
which ``ES_BASE_PORT`` changes) and for transport on ``base_port + 100 + n``.  State goes
under ``<data>/<base_port>/node-<n>/``: ``engine.pid``, ``engine.log`` (the launcher
JVM's output) and ``config/``, ``data/``, ``logs/`` and ``tmp/``.  Because every base port
has its own folder, a dev instance and a test instance can run side by side.
``<data>/<base_port>/cluster.json`` records the cluster size and name the data was made
with; ``start`` refuses to reuse it for another size or name.  Data made for three nodes
can't elect a master with one.  ``config/elasticsearch.yml`` is rewritten on every start:
it binds to 127.0.0.1, disables security and the disk watermarks.

One JVM per node (plus the small launcher JVM Elasticsearch starts it from), joined into
one cluster through ``discovery.seed_hosts``.  To take one node of three down for a fault
test, run ``stop --node 2``; ``start --nodes 3`` brings it back.

Root: Elasticsearch refuses to run as root, so as root the nodes run as the system user
``bro-es`` (created with ``useradd --system`` if missing) through ``setpriv``, which execs
(unlike ``runuser``, which would SIGKILL the node 2 s after a SIGTERM).  Their folders are
chowned to it.  If that user cannot read the cache (``/root`` is usually private), the
Elasticsearch home is mirrored with hard links into ``<data>/runtime/``.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import hashlib
import json
import os
import pwd
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / ".services" / "elasticsearch"
DEFAULT_BASE_PORT = 9200
DEFAULT_CLUSTER_NAME = "bro"
HOST = "127.0.0.1"

DEFAULT_ES_VERSION = "8.19.21"
DISTRIBUTION = "org.elasticsearch.distribution.integ-test-zip:elasticsearch"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
FETCH_MARKER = "fetch-complete.json"
PLUGIN_SOURCE = Path(__file__).resolve().parent / "analysis_plugin"
PLUGIN_NAME = "bro-compat"
PLUGIN_CLASS = "bro.elasticsearch.BroCompatPlugin"
PLUGIN_MARKER = "plugin.json"
CLI_MAIN_CLASS = "org.elasticsearch.launcher.CliToolLauncher"
SERVICE_USER = "bro-es"

TRANSPORT_PORT_OFFSET = 100

START_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0
POLL_INTERVAL = 1.0
LOG_TAIL_LINES = 30

# Sized for a 2-core, 24 GB machine shared with the test suite: one JVM per node.
DEFAULT_HEAP = ("-Xms512m", "-Xmx1g")


class EngineError(Exception):
    """A failure to report to the user as one clear message (exit code 1)."""


@dataclass(frozen=True)
class Layout:
    """Where one launcher instance (identified by its base port) keeps its files."""

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


# --------------------------------------------------------------------------- fetching


def es_version() -> str:
    """The Elasticsearch version to use (``BRO_ES_VERSION`` or the default)."""
    return os.environ.get("BRO_ES_VERSION", DEFAULT_ES_VERSION)


def cache_dir() -> Path:
    """Cache folder of this Elasticsearch version, outside the repository."""
    base = os.environ.get("BRO_CACHE_DIR") or Path.home() / ".cache" / "bro"
    return Path(base).expanduser() / f"elasticsearch-{es_version()}"


def render_pom(version: str) -> str:
    """A throw-away pom.xml whose only job is to depend on the distribution zip."""
    group, artifact = DISTRIBUTION.split(":")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>local.bro</groupId>\n"
        "  <artifactId>elasticsearch-distribution</artifactId>\n"
        "  <version>1</version>\n"
        "  <packaging>pom</packaging>\n"
        "  <dependencies>\n"
        "    <dependency>\n"
        f"      <groupId>{group}</groupId>\n"
        f"      <artifactId>{artifact}</artifactId>\n"
        f"      <version>{version}</version>\n"
        "      <type>zip</type>\n"
        "    </dependency>\n"
        "  </dependencies>\n"
        "</project>\n"
    )


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


def run_maven(arguments: list[str], what: str, cwd: Path | None = None) -> None:
    """Run Maven quietly; on failure raise with the end of its output."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise EngineError(f"Maven ('mvn') is needed to {what}.")
    command = [mvn, "-q", "-B", "-Dstyle.color=never", *arguments]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip().splitlines()
        raise EngineError(f"Maven failed to {what}:\n" + "\n".join(output[-LOG_TAIL_LINES:]))


def fetch_distribution() -> Path:
    """Make sure Elasticsearch is unpacked in the cache; return its home folder.

    The first call runs Maven (``dependency:copy-dependencies``) and unpacks the zip;
    later calls find the marker file and return at once.  A lock keeps parallel callers
    from fetching twice.
    """
    cache = cache_dir()
    home = cache / "home"
    marker = cache / FETCH_MARKER
    if marker.is_file():
        return home
    with file_lock(cache / ".fetch.lock"):
        if marker.is_file():
            return home
        version = es_version()
        print(f"Fetching Elasticsearch {version} ({DISTRIBUTION}) into {cache} ...")
        started = time.monotonic()
        pom = cache / "pom.xml"
        pom.write_text(render_pom(version))
        download = cache / "download"
        shutil.rmtree(download, ignore_errors=True)
        run_maven(
            ["-f", str(pom), f"{DEPENDENCY_PLUGIN}:copy-dependencies",
             f"-DoutputDirectory={download}", "-DincludeTypes=zip"],
            f"fetch {DISTRIBUTION}:{version}:zip from Maven Central (versions 8.0.0 to "
            f"{DEFAULT_ES_VERSION} exist; set BRO_ES_VERSION to another one)",
        )  # fmt: skip
        archives = list(download.glob("*.zip"))
        if len(archives) != 1:
            raise EngineError(f"Expected one zip in {download}, found {archives}.")
        staging = cache / "home.partial"
        shutil.rmtree(staging, ignore_errors=True)
        with zipfile.ZipFile(archives[0]) as archive:
            for member in archive.infolist():
                # The zip's single top folder (elasticsearch-<version>/) is dropped.
                relative = Path(*Path(member.filename).parts[1:])
                if not relative.parts or member.is_dir():
                    continue
                target = staging / relative
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(member) as source, target.open("wb") as sink:
                    shutil.copyfileobj(source, sink)
                mode = (member.external_attr >> 16) & 0o777
                target.chmod(mode or 0o644)
        shutil.rmtree(home, ignore_errors=True)
        staging.rename(home)
        shutil.rmtree(download, ignore_errors=True)
        marker.write_text(json.dumps({"version": version, "artifact": DISTRIBUTION}) + "\n")
        print(f"Fetched and unpacked Elasticsearch {version} in {time.monotonic() - started:.0f} s")
    return home


def plugin_sources_hash() -> str:
    """Hash of the plugin's pom and sources, and of the version it is built for."""
    digest = hashlib.sha256(es_version().encode())
    files = [PLUGIN_SOURCE / "pom.xml", *sorted((PLUGIN_SOURCE / "src").rglob("*"))]
    for path in files:
        if path.is_file():
            digest.update(str(path.relative_to(PLUGIN_SOURCE)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()[:16]


def plugin_descriptor(version: str) -> str:
    """``plugin-descriptor.properties`` of the plugin, in the format of Elasticsearch 8."""
    return (
        "# Written by search/engine.py\n"
        "description=Analyzers, filters, search_as_you_type and GET / missing from the "
        "integ-test build (search/analysis_plugin)\n"
        f"version={version}\n"
        f"name={PLUGIN_NAME}\n"
        f"classname={PLUGIN_CLASS}\n"
        "java.version=17\n"
        f"elasticsearch.version={version}\n"
    )


def install_plugin(home: Path) -> str:
    """Build the plugin if its sources changed and install it as a module; return its hash.

    The sources are copied into the cache and built there, so no ``target/`` folder
    appears in the repository.
    """
    cache = cache_dir()
    wanted = plugin_sources_hash()
    marker = cache / "plugin" / PLUGIN_MARKER
    module = home / "modules" / PLUGIN_NAME
    with contextlib.suppress(FileNotFoundError, ValueError):
        if json.loads(marker.read_text()).get("hash") == wanted and module.is_dir():
            return wanted
    with file_lock(cache / ".plugin.lock"):
        with contextlib.suppress(FileNotFoundError, ValueError):
            if json.loads(marker.read_text()).get("hash") == wanted and module.is_dir():
                return wanted
        version = es_version()
        print(f"Building the {PLUGIN_NAME} plugin for Elasticsearch {version} ...")
        started = time.monotonic()
        build = cache / "plugin" / "build"
        shutil.rmtree(build, ignore_errors=True)
        shutil.copytree(PLUGIN_SOURCE, build, ignore=shutil.ignore_patterns("target"))
        run_maven(
            ["-f", str(build / "pom.xml"), "package", f"-Des.version={version}"],
            f"build the Elasticsearch plugin in {PLUGIN_SOURCE}",
        )
        staging = home / "modules" / f".{PLUGIN_NAME}.partial"
        shutil.rmtree(staging, ignore_errors=True)
        staging.mkdir(parents=True)
        shutil.copy2(build / "target" / f"{PLUGIN_NAME}.jar", staging / f"{PLUGIN_NAME}.jar")
        (staging / "plugin-descriptor.properties").write_text(plugin_descriptor(version))
        shutil.rmtree(module, ignore_errors=True)
        staging.rename(module)
        marker.write_text(json.dumps({"hash": wanted, "version": version}) + "\n")
        print(f"Built and installed the plugin in {time.monotonic() - started:.0f} s.")
    return wanted


# --------------------------------------------------------------------------- user


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


def readable_by_others(path: Path) -> bool:
    """True if any user can reach ``path`` (every parent folder is o+x)."""
    return all(os.stat(parent).st_mode & 0o001 for parent in [path, *path.parents])


def runtime_home(layout: Layout, home: Path, plugin_hash: str) -> Path:
    """The Elasticsearch home the nodes run from.

    As root the nodes run as ``bro-es``, which usually cannot enter ``/root``; then the
    cached home is mirrored, with hard links where possible, under ``<data>/runtime/``.
    """
    if not running_as_root() or readable_by_others(home):
        return home
    mirror = layout.data_dir / "runtime" / f"{home.parent.name}-{plugin_hash}"
    if (mirror / ".complete").is_file():
        return mirror
    with file_lock(layout.data_dir / "runtime" / ".lock"):
        if (mirror / ".complete").is_file():
            return mirror
        for old in mirror.parent.glob(f"{home.parent.name}-*"):
            shutil.rmtree(old, ignore_errors=True)  # homes of older plugin builds
        staging = mirror.with_name(mirror.name + ".partial")
        result = subprocess.run(["cp", "-al", str(home), str(staging)], capture_output=True)
        if result.returncode != 0:
            shutil.rmtree(staging, ignore_errors=True)
            shutil.copytree(home, staging, symlinks=True)
        staging.rename(mirror)
        (mirror / ".complete").touch()
    for folder in (layout.data_dir, layout.data_dir / "runtime"):
        folder.chmod(folder.stat().st_mode | 0o005)
    return mirror


# --------------------------------------------------------------------------- processes


def read_pid(path: Path) -> int | None:
    """The pid stored in ``path``, or None if the file is missing or garbled."""
    try:
        return int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def is_our_process(pid: int, node_dir: Path) -> bool:
    """True if ``pid`` is alive and is the launcher JVM started for ``node_dir``."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    arguments = raw.decode(errors="replace").split("\0")
    return CLI_MAIN_CLASS in arguments and f"-Epath.data={node_dir / 'data'}" in arguments


def running_pid(layout: Layout, node: int) -> int | None:
    """Pid of node ``node`` if it runs; a stale pid file is removed."""
    pid_file = layout.pid_file(node)
    pid = read_pid(pid_file)
    if pid is None:
        return None
    if is_our_process(pid, layout.node_dir(node)):
        return pid
    pid_file.unlink(missing_ok=True)
    return None


def port_in_use(port: int) -> bool:
    """True if something accepts TCP connections on ``HOST:port``."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.settimeout(1.0)
        return probe.connect_ex((HOST, port)) == 0


def java_home() -> Path:
    """The Java installation to run Elasticsearch with (``JAVA_HOME`` or ``java`` on PATH)."""
    if os.environ.get("JAVA_HOME"):
        home = Path(os.environ["JAVA_HOME"])
    else:
        java = shutil.which("java")
        if not java:
            raise EngineError("No 'java' found (install Java 17 or newer, or set JAVA_HOME).")
        home = Path(java).resolve().parent.parent
    if not (home / "bin" / "java").is_file():
        raise EngineError(f"No bin/java under {home} (set JAVA_HOME to a JDK 17 or newer).")
    return home


def node_command(layout: Layout, node: int, home: Path, java: Path) -> list[str]:
    """The command that runs node ``node``: what ``bin/elasticsearch`` would exec.

    It is run directly, so that the pid is the launcher JVM and ``path.data`` on its
    command line identifies the node.  The launcher starts the server JVM and stops it
    when it gets SIGTERM.
    """
    command = [
        str(java / "bin" / "java"), "-Xms4m", "-Xmx64m", "-XX:+UseSerialGC",
        "-Dcli.name=server", f"-Dcli.script={home / 'bin' / 'elasticsearch'}",
        "-Dcli.libs=lib/tools/server-cli", f"-Des.path.home={home}",
        f"-Des.path.conf={layout.config_dir(node)}", "-Des.distribution.type=zip",
        "-Des.java.type=ES_JAVA_HOME",
        "-cp", f"{home}/lib/*:{home}/lib/cli-launcher/*", CLI_MAIN_CLASS,
        f"-Epath.data={layout.node_dir(node) / 'data'}",
    ]  # fmt: skip
    if running_as_root():
        user = service_user()
        setpriv = shutil.which("setpriv")
        if setpriv:
            command = [
                setpriv, f"--reuid={user.pw_uid}", f"--regid={user.pw_gid}",
                "--init-groups", "--", *command,
            ]  # fmt: skip
        else:
            command = ["runuser", "-u", SERVICE_USER, "--", *command]
    return command


def node_settings(layout: Layout, node: int, nodes: int, cluster_name: str) -> str:
    """The ``elasticsearch.yml`` for node ``node`` of a ``nodes``-node cluster."""
    lines = [
        "# Written by search/engine.py on every start; edits are lost.",
        f"cluster.name: {json.dumps(cluster_name)}",
        f"node.name: node-{node}",
        f"network.host: {HOST}",
        f"http.port: {layout.http_port(node)}",
        f"transport.port: {layout.transport_port(node)}",
        f"path.logs: {json.dumps(str(layout.node_dir(node) / 'logs'))}",
        f"node.attr.bro_node: {node}",
        "xpack.security.enabled: false",
        "cluster.routing.allocation.disk.threshold_enabled: false",
    ]
    if nodes == 1:
        lines.append("discovery.type: single-node")
    else:
        peers = [f"{HOST}:{layout.transport_port(peer)}" for peer in range(1, nodes + 1)]
        lines.append(f"discovery.seed_hosts: {json.dumps(peers)}")
        # Only for bootstrapping a new cluster; Elasticsearch warns if it stays set.
        if not any((layout.node_dir(node) / "data").glob("*")):
            names = [f"node-{peer}" for peer in range(1, nodes + 1)]
            lines.append(f"cluster.initial_master_nodes: {json.dumps(names)}")
    return "\n".join(lines) + "\n"


def prepare_node_dir(layout: Layout, node: int, nodes: int, home: Path, cluster_name: str) -> None:
    """Create node ``node``'s folders and write its configuration."""
    node_dir = layout.node_dir(node)
    config = layout.config_dir(node)
    for folder in (config, node_dir / "data", node_dir / "logs", node_dir / "tmp"):
        folder.mkdir(parents=True, exist_ok=True)
    for name in ("jvm.options", "log4j2.properties"):
        shutil.copy2(home / "config" / name, config / name)
    (config / "jvm.options.d").mkdir(exist_ok=True)
    (config / "elasticsearch.yml").write_text(node_settings(layout, node, nodes, cluster_name))
    if running_as_root():
        user = service_user()
        for path in [node_dir, *node_dir.rglob("*")]:
            if path.name not in ("engine.log", "engine.pid"):
                os.lchown(path, user.pw_uid, user.pw_gid)
        for parent in [layout.root, layout.data_dir]:
            parent.chmod(parent.stat().st_mode | 0o005)


def launch_node(
    layout: Layout, node: int, nodes: int, home: Path, java: Path, cluster_name: str
) -> int:
    """Start node ``node`` detached from this process; return its pid."""
    prepare_node_dir(layout, node, nodes, home, cluster_name)
    command = node_command(layout, node, home, java)
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("ES_", "JAVA_TOOL", "_JAVA", "CLI_JAVA"))
    }
    env.update(
        ES_JAVA_HOME=str(java),
        ES_PATH_CONF=str(layout.config_dir(node)),
        ES_TMPDIR=str(layout.node_dir(node) / "tmp"),
        ES_JAVA_OPTS=" ".join([*DEFAULT_HEAP, os.environ.get("ES_JAVA_OPTS", "")]).strip(),
        HOME=str(layout.node_dir(node)),
    )
    with layout.log_file(node).open("ab") as log:
        log.write(f"\n--- {time.strftime('%Y-%m-%d %H:%M:%S')} starting node {node}\n".encode())
        log.flush()
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=home,  # as bin/elasticsearch does: the launcher finds its files from there
            env=env,
            start_new_session=True,
        )
    layout.pid_file(node).write_text(f"{process.pid}\n")
    return process.pid


def terminate(pid: int, timeout: float) -> bool:
    """SIGTERM ``pid``, then SIGKILL it after ``timeout`` s; True if it needed SIGKILL."""
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    if wait_for_exit(pid, timeout):
        return False
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGKILL)
    wait_for_exit(pid, 10.0)
    return True


def descendants(pid: int) -> list[int]:
    """Pids of all children of ``pid``, recursively (empty if it is gone)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError, ValueError):
            children += [int(child) for child in (task / "children").read_text().split()]
    return [grandchild for child in children for grandchild in (child, *descendants(child))]


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Wait up to ``timeout`` s for ``pid`` to go away; True if it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not process_exists(pid):
            return True
        time.sleep(0.2)
    return not process_exists(pid)


def process_exists(pid: int) -> bool:
    """True if ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state != "Z"


def log_tail(layout: Layout, node: int, lines: int = LOG_TAIL_LINES) -> str:
    """The last ``lines`` lines of node ``node``'s log, for error messages."""
    try:
        text = layout.log_file(node).read_text(errors="replace")
    except FileNotFoundError:
        return "(no log file)"
    return "\n".join(text.splitlines()[-lines:])


# --------------------------------------------------------------------------- HTTP


def get_json(url: str, timeout: float = 5.0) -> dict | None:
    """GET ``url`` and decode JSON; None if nothing usable answers."""
    try:
        with urllib.request.urlopen(url, timeout=timeout) as response:
            return json.load(response)
    except urllib.error.HTTPError as error:
        with contextlib.suppress(ValueError):
            return json.load(error)
        return None
    except (urllib.error.URLError, OSError, ValueError):
        return None


def cluster_health(layout: Layout, node: int, wait_nodes: int | None = None) -> dict | None:
    """``_cluster/health`` as seen by node ``node`` (None if it does not answer).

    With ``wait_nodes`` the node waits briefly on its side for that many nodes to join.
    """
    query = "wait_for_status=yellow&timeout=1s"
    if wait_nodes:
        query += f"&wait_for_nodes={wait_nodes}"
    return get_json(f"{layout.url(node)}/_cluster/health?{query}")


def describe(health: dict | None) -> str:
    """A short human description of a ``_cluster/health`` answer."""
    if health is None:
        return "no answer"
    if "error" in health:
        error = health["error"]
        reason = error.get("type", error) if isinstance(error, dict) else error
        return f"error: {reason}"
    return str(health.get("status", "unknown"))


def is_healthy(health: dict | None, nodes: int | None = None) -> bool:
    """True if ``health`` is yellow or green (and has at least ``nodes`` nodes)."""
    if not health or health.get("status") not in {"green", "yellow"}:
        return False
    return nodes is None or health.get("number_of_nodes", 0) >= nodes


def wait_until_healthy(
    layout: Layout, nodes: list[int], expected: int, timeout: float, pids: dict[int, int]
) -> dict:
    """Poll until a node reports yellow/green with ``expected`` nodes; return the health.

    Fails early, with the log tail, if one of the just-started JVMs in ``pids`` dies.
    """
    deadline = time.monotonic() + timeout
    while True:
        for node, pid in pids.items():
            if not process_exists(pid):
                layout.pid_file(node).unlink(missing_ok=True)
                raise EngineError(
                    f"Node {node} (pid {pid}) exited during start-up. Last lines of "
                    f"{layout.log_file(node)}:\n{log_tail(layout, node)}"
                )
        for node in nodes:
            health = cluster_health(layout, node, expected)
            if is_healthy(health, expected):
                return health
        if time.monotonic() >= deadline:
            tails = "\n".join(
                f"--- {layout.log_file(node)}\n{log_tail(layout, node)}" for node in nodes
            )
            raise EngineError(
                f"Elasticsearch did not become healthy with {expected} node(s) within "
                f"{timeout:.0f} s.\n{tails}"
            )
        time.sleep(POLL_INTERVAL)


# --------------------------------------------------------------------------- commands


def check_ports_free(layout: Layout, node: int) -> None:
    """Fail clearly if node ``node``'s ports are taken by something else."""
    for kind, port in (
        ("HTTP", layout.http_port(node)),
        ("transport", layout.transport_port(node)),
    ):
        if port_in_use(port):
            raise EngineError(
                f"Port {port} ({kind} port of node {node}) is already in use by something "
                f"that this launcher did not start from {layout.root}. Stop it, or pick "
                "another --base-port / ES_BASE_PORT."
            )


def check_shape(layout: Layout, nodes: int, cluster_name: str) -> None:
    """Refuse to reuse data made for another cluster size or name; record it if new.

    A node's data remembers its cluster (voting members, name), so a one-node start on
    the data of a three-node cluster would never elect a master.
    """
    wanted = {"nodes": nodes, "cluster_name": cluster_name}
    try:
        recorded = json.loads(layout.shape_file.read_text())
    except FileNotFoundError:
        layout.shape_file.write_text(json.dumps(wanted) + "\n")
        return
    except ValueError:
        recorded = None
    if recorded != wanted:
        raise EngineError(
            f"The data in {layout.root} belongs to a cluster started with {recorded}, not "
            f"{wanted}. Use another --base-port, or stop it and delete that folder."
        )


def command_start(layout: Layout, nodes: int, cluster_name: str, timeout: float) -> int:
    """Start the missing nodes of a ``nodes``-node cluster and wait until it is healthy."""
    if layout.transport_port(nodes) > 65535:
        raise EngineError(f"Base port {layout.base_port} leaves no room for {nodes} node(s).")
    wanted = list(range(1, nodes + 1))
    with file_lock(layout.root / ".start.lock"):
        check_shape(layout, nodes, cluster_name)
        running = {node: pid for node in wanted if (pid := running_pid(layout, node))}
        missing = [node for node in wanted if node not in running]
        if not missing:
            health = wait_until_healthy(layout, wanted, nodes, timeout, {})
            print(
                f"Elasticsearch is already running at {layout.url(1)} "
                f"({health['status']}, {health['number_of_nodes']} node(s)); nothing to do."
            )
            return 0
        for node in missing:
            check_ports_free(layout, node)
        started_at = time.monotonic()
        home = fetch_distribution()
        plugin_hash = install_plugin(home)
        home = runtime_home(layout, home, plugin_hash)
        java = java_home()
        launched = {}
        for node in missing:
            launched[node] = launch_node(layout, node, nodes, home, java, cluster_name)
            print(f"Started node {node} (pid {launched[node]}), log: {layout.log_file(node)}")
        health = wait_until_healthy(layout, wanted, nodes, timeout, launched)
    elapsed = time.monotonic() - started_at
    print(
        f"Elasticsearch is up at {layout.url(1)} ({health['status']}, "
        f"{health['number_of_nodes']} node(s), cluster '{health['cluster_name']}') "
        f"after {elapsed:.0f} s."
    )
    return 0


def command_stop(layout: Layout, only_node: int | None, timeout: float) -> int:
    """Stop all nodes of this instance, or only ``only_node``; nothing running is fine."""
    targets = [only_node] if only_node else layout.known_nodes()
    pids = {node: pid for node in targets if (pid := running_pid(layout, node))}
    if not pids:
        print(f"Elasticsearch is not running (from {layout.root}); nothing to stop.")
        return 0
    # The launcher JVM stops its server JVM on SIGTERM but may exit first: wait for both.
    families = {node: [pid, *descendants(pid)] for node, pid in pids.items()}
    for node, pid in pids.items():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        print(f"Stopping node {node} (pid {pid}) ...")
    for node, family in families.items():
        if all(wait_for_exit(member, timeout) for member in family):
            print(f"Node {node} stopped.")
        else:
            for member in family:
                terminate(member, 0)
            print(f"Node {node} did not stop within {timeout:.0f} s; killed it.")
        layout.pid_file(node).unlink(missing_ok=True)
    return 0


def command_status(layout: Layout) -> int:
    """Print which nodes run and the cluster health; 0 if healthy, else 1."""
    health = None
    any_running = False
    for node in layout.known_nodes():
        pid = running_pid(layout, node)
        if pid is None:
            print(f"node {node}: not running ({layout.url(node)})")
            continue
        any_running = True
        node_health = cluster_health(layout, node)
        print(f"node {node}: running, pid {pid}, {layout.url(node)}, {describe(node_health)}")
        health = health or (node_health if is_healthy(node_health) else None)
    if not any_running:
        print(f"Elasticsearch is not running (from {layout.root}).")
        return 1
    if health is None:
        print("Elasticsearch is running but not healthy (yet).")
        return 1
    print(
        f"cluster '{health['cluster_name']}': {health['status']}, "
        f"{health['number_of_nodes']} node(s)"
    )
    return 0


def command_wait(layout: Layout, nodes: int | None, timeout: float) -> int:
    """Wait until the running instance is healthy (with ``nodes`` nodes if given)."""
    running = [node for node in layout.known_nodes() if running_pid(layout, node)]
    if not running:
        raise EngineError(f"Elasticsearch is not running (from {layout.root}); start it first.")
    expected = nodes or len(running)
    health = wait_until_healthy(layout, running, expected, timeout, {})
    print(f"Elasticsearch is {health['status']} with {health['number_of_nodes']} node(s).")
    return 0


# --------------------------------------------------------------------------- CLI


def default_base_port() -> int:
    """Base port from ``ES_BASE_PORT``, else 9200."""
    value = os.environ.get("ES_BASE_PORT")
    if not value:
        return DEFAULT_BASE_PORT
    try:
        return int(value)
    except ValueError:
        raise EngineError(f"ES_BASE_PORT must be a number, not {value!r}.") from None


def positive_int(text: str) -> int:
    """argparse type for integers of at least 1."""
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


def build_parser() -> argparse.ArgumentParser:
    """The command-line interface."""
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--base-port", type=positive_int, default=None,
        help="node n listens on base+n (default: $ES_BASE_PORT or 9200)",
    )  # fmt: skip
    common.add_argument(
        "--data", type=Path, default=DEFAULT_DATA_DIR,
        help=f"state folder (default: {DEFAULT_DATA_DIR})",
    )  # fmt: skip
    parser = argparse.ArgumentParser(
        prog="python -m search.engine",
        description="Run a local Elasticsearch for development and tests.",
    )
    commands = parser.add_subparsers(dest="command", required=True)
    start = commands.add_parser("start", parents=[common], help="start and wait until healthy")
    start.add_argument("--nodes", type=positive_int, default=1, help="cluster size (default 1)")
    start.add_argument("--cluster-name", default=DEFAULT_CLUSTER_NAME)
    start.add_argument("--timeout", type=float, default=START_TIMEOUT, help="seconds")
    stop = commands.add_parser("stop", parents=[common], help="stop the node(s)")
    stop.add_argument("--node", type=positive_int, help="stop only this node (1-based)")
    stop.add_argument("--timeout", type=float, default=STOP_TIMEOUT, help="seconds")
    commands.add_parser("status", parents=[common], help="show state; exit 0 if healthy")
    wait = commands.add_parser("wait", parents=[common], help="wait until healthy")
    wait.add_argument("--nodes", type=positive_int, help="also wait for this many nodes")
    wait.add_argument("--timeout", type=float, default=START_TIMEOUT, help="seconds")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    args = build_parser().parse_args(argv)
    try:
        base_port = args.base_port or default_base_port()
        layout = Layout(data_dir=args.data.resolve(), base_port=base_port)
        if args.command == "start":
            return command_start(layout, args.nodes, args.cluster_name, args.timeout)
        if args.command == "stop":
            return command_stop(layout, args.node, args.timeout)
        if args.command == "status":
            return command_status(layout)
        return command_wait(layout, args.nodes, args.timeout)
    except EngineError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
