"""Start, stop and check a local Elasticsearch for development and tests.

Why this exists: the project needs a real Elasticsearch node on every developer machine
and in CI, but those machines only reach package registries (no Docker, no download
site).  Maven Central does, however, carry ``org.codelibs:elasticsearch-cluster-runner``,
which runs Elasticsearch nodes from plain jars.  This module fetches that artifact and its
transitive jars once into a cache outside the repository and runs it in the background,
with nothing but the standard library (it must not import Django, so make targets and CI
can call it before the project is installed)::

    python -m search.engine start [--nodes N] [--base-port P] [--cluster-name NAME] [--data DIR]
    python -m search.engine stop [--node K] [--base-port P] [--data DIR]
    python -m search.engine status [--base-port P] [--data DIR]
    python -m search.engine wait [--nodes N] [--base-port P] [--data DIR]

Version: only runner versions up to 7.10.2.0 (Elasticsearch 7.10.2) are on Maven Central;
codelibs publishes its 8.x runners to its own repository.  ``BRO_ES_RUNNER_VERSION``
selects another version and ``BRO_MAVEN_REPO`` adds a repository that serves it.
Elasticsearch 7.10.2 has the language analyzers (``danish``, ``swedish``, ``english``),
``asciifolding`` and the ``synonym``/``synonym_graph`` token filters, but it does not have
the synonyms API (``PUT _synonyms/<id>``, new in 8.10) or ``icu_folding``.  Note that the
8.x Python client (``elasticsearch>=8``) refuses a 7.10 server: it raises
``UnsupportedProductError``, and 7.10 answers its ``compatible-with=8`` content type with
406.

Layout: node *n* listens for HTTP on ``base_port + n`` (9201 for the default base 9200,
which ``ES_BASE_PORT`` changes) and for transport on ``base_port + 100 + n``.  State goes
under ``<data>/<base_port>/node-<n>/``: ``engine.pid``, ``engine.log`` (the JVM's output)
and the runner's ``node_1/`` home with ``config``, ``data`` and ``logs``.  Because every
base port has its own folder, a dev instance and a test instance can run side by side.
``<data>/<base_port>/cluster.json`` records the cluster size and name the data was made
with; ``start`` refuses to reuse it for another size or name.  Data made for three nodes
can't elect a master with one.

One JVM per node: the runner can start several nodes inside one JVM
(``-numOfNode 3``), but then no single node can be stopped on its own.  This launcher
therefore always starts one runner JVM per node with ``-numOfNode 1`` and joins the
nodes into one cluster through ``elasticsearch.yml`` (seed hosts and initial master
nodes given by transport address, because every JVM names its node "Node 1").  To take one
node of three down for a fault test, run ``stop --node 2``; ``start --nodes 3`` brings
it back.

Settings: the runner passes no ``-E``/``-D`` settings through, but it reads
``node_1/config/elasticsearch.yml``, which ``start`` rewrites on every start.  It binds
to 127.0.0.1 and disables the disk watermarks.  There is no ``xpack.security.enabled``:
the runner's nodes have no X-Pack, so Elasticsearch would reject that setting as unknown.

Limitation: the runner won't start a node above HTTP port 9299, and if a port is taken
it quietly moves to the next free one.  So ``start`` rejects base ports that would go past
9299 and refuses to start when a port is already in use.
"""

from __future__ import annotations

import argparse
import contextlib
import fcntl
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA_DIR = REPO_ROOT / ".services" / "elasticsearch"
DEFAULT_BASE_PORT = 9200
DEFAULT_CLUSTER_NAME = "bro"
HOST = "127.0.0.1"

RUNNER_GROUP = "org.codelibs"
RUNNER_ARTIFACT = "elasticsearch-cluster-runner"
DEFAULT_RUNNER_VERSION = "7.10.2.0"
RUNNER_MAIN_CLASS = "org.codelibs.elasticsearch.runner.ElasticsearchClusterRunner"
DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.6.1"
FETCH_MARKER = "fetch-complete.json"

# The runner refuses HTTP ports above this (ElasticsearchClusterRunner.maxHttpPort).
RUNNER_MAX_HTTP_PORT = 9299
TRANSPORT_PORT_OFFSET = 100

START_TIMEOUT = 180.0
STOP_TIMEOUT = 30.0
POLL_INTERVAL = 1.0
LOG_TAIL_LINES = 30

# Sized for a 2-core, 24 GB machine shared with the test suite: one JVM per node.
DEFAULT_HEAP = ("-Xms512m", "-Xmx1g")
JVM_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "-XX:-OmitStackTraceInFastThrow",
    "-Xss1m",
    "-Djava.awt.headless=true",
    "-Dfile.encoding=UTF-8",
    "-Djna.nosys=true",
    "-Dio.netty.noUnsafe=true",
    "-Dio.netty.noKeySetOptimization=true",
    "-Dio.netty.recycler.maxCapacityPerThread=0",
    "-Dlog4j.shutdownHookEnabled=false",
    "-Dlog4j2.disable.jmx=true",
    # The runner ships log4j 2.11 and, unlike a packaged Elasticsearch, runs without a
    # security manager: switch off message lookups (CVE-2021-44228).
    "-Dlog4j2.formatMsgNoLookups=true",
)


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
        """Runner base path of node ``node`` (1-based)."""
        return self.root / f"node-{node}"

    def pid_file(self, node: int) -> Path:
        """File holding the JVM pid of node ``node``."""
        return self.node_dir(node) / "engine.pid"

    def log_file(self, node: int) -> Path:
        """File receiving the JVM's stdout and stderr for node ``node``."""
        return self.node_dir(node) / "engine.log"

    def config_file(self, node: int) -> Path:
        """The ``elasticsearch.yml`` the runner reads for node ``node``."""
        return self.node_dir(node) / "node_1" / "config" / "elasticsearch.yml"

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


def runner_version() -> str:
    """The cluster-runner version to use (``BRO_ES_RUNNER_VERSION`` or the default)."""
    return os.environ.get("BRO_ES_RUNNER_VERSION", DEFAULT_RUNNER_VERSION)


def cache_dir() -> Path:
    """Cache folder for the runner's jars, outside the repository."""
    base = os.environ.get("BRO_CACHE_DIR") or Path.home() / ".cache" / "bro"
    return Path(base).expanduser() / f"elasticsearch-{runner_version()}"


def render_pom(version: str, extra_repository: str | None) -> str:
    """A throw-away pom.xml whose only job is to depend on the cluster runner."""
    repositories = ""
    if extra_repository:
        repositories = (
            "  <repositories>\n"
            "    <repository><id>extra</id>"
            f"<url>{extra_repository}</url></repository>\n"
            "  </repositories>\n"
        )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<project xmlns="http://maven.apache.org/POM/4.0.0">\n'
        "  <modelVersion>4.0.0</modelVersion>\n"
        "  <groupId>local.bro</groupId>\n"
        "  <artifactId>elasticsearch-jars</artifactId>\n"
        "  <version>1</version>\n"
        "  <packaging>pom</packaging>\n"
        f"{repositories}"
        "  <dependencies>\n"
        "    <dependency>\n"
        f"      <groupId>{RUNNER_GROUP}</groupId>\n"
        f"      <artifactId>{RUNNER_ARTIFACT}</artifactId>\n"
        f"      <version>{version}</version>\n"
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


def fetch_jars() -> Path:
    """Make sure the runner and its jars are in the cache; return the ``lib`` folder.

    The first call runs Maven (``dependency:copy-dependencies``); later calls find the
    marker file and return at once.  A lock keeps parallel callers from fetching twice.
    """
    cache = cache_dir()
    lib = cache / "lib"
    marker = cache / FETCH_MARKER
    if marker.is_file():
        return lib
    with file_lock(cache / ".fetch.lock"):
        if marker.is_file():
            return lib
        mvn = shutil.which("mvn")
        if mvn is None:
            raise EngineError("Maven ('mvn') is needed once, to fetch Elasticsearch.")
        version = runner_version()
        print(f"Fetching {RUNNER_ARTIFACT} {version} and its jars into {cache} ...")
        started = time.monotonic()
        pom = cache / "pom.xml"
        pom.write_text(render_pom(version, os.environ.get("BRO_MAVEN_REPO")))
        staging = cache / "lib.partial"
        shutil.rmtree(staging, ignore_errors=True)
        command = [
            mvn, "-q", "-B", "-Dstyle.color=never", "-f", str(pom),
            f"{DEPENDENCY_PLUGIN}:copy-dependencies",
            f"-DoutputDirectory={staging}",
            "-DincludeScope=runtime",
        ]  # fmt: skip
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            output = (result.stdout + result.stderr).strip().splitlines()
            raise EngineError(
                f"Maven could not fetch {RUNNER_GROUP}:{RUNNER_ARTIFACT}:{version} "
                f"(Maven Central has versions up to {DEFAULT_RUNNER_VERSION}; set "
                "BRO_MAVEN_REPO for a repository with newer ones):\n"
                + "\n".join(output[-LOG_TAIL_LINES:])
            )
        jars = sorted(path.name for path in staging.glob("*.jar"))
        shutil.rmtree(lib, ignore_errors=True)
        staging.rename(lib)
        marker.write_text(json.dumps({"version": version, "jars": jars}, indent=1) + "\n")
        print(f"Fetched {len(jars)} jars in {time.monotonic() - started:.0f} s.")
    return lib


# --------------------------------------------------------------------------- processes


def read_pid(path: Path) -> int | None:
    """The pid stored in ``path``, or None if the file is missing or garbled."""
    try:
        return int(path.read_text().strip())
    except (FileNotFoundError, ValueError):
        return None


def is_our_process(pid: int, node_dir: Path) -> bool:
    """True if ``pid`` is alive and is the runner JVM started for ``node_dir``."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    arguments = raw.decode(errors="replace").split("\0")
    return RUNNER_MAIN_CLASS in arguments and str(node_dir) in arguments


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


def java_command(layout: Layout, node: int, lib: Path, cluster_name: str) -> list[str]:
    """The command line that runs node ``node`` as a one-node runner JVM."""
    java_home = os.environ.get("JAVA_HOME")
    java = str(Path(java_home) / "bin" / "java") if java_home else shutil.which("java")
    if not java:
        raise EngineError("No 'java' found (install Java 17 or set JAVA_HOME).")
    tmp = layout.node_dir(node) / "tmp"
    tmp.mkdir(parents=True, exist_ok=True)
    extra = os.environ.get("ES_JAVA_OPTS", "").split()
    return [
        java, *DEFAULT_HEAP, *JVM_OPTIONS, f"-Djava.io.tmpdir={tmp}", *extra,
        "-cp", f"{lib}/*", RUNNER_MAIN_CLASS,
        "-basePath", str(layout.node_dir(node)),
        "-numOfNode", "1",
        "-baseHttpPort", str(layout.http_port(node) - 1),
        "-clusterName", cluster_name,
    ]  # fmt: skip


def node_settings(layout: Layout, node: int, nodes: int) -> str:
    """The ``elasticsearch.yml`` for node ``node`` of a ``nodes``-node cluster."""
    lines = [
        "# Written by search/engine.py on every start; edits are lost.",
        f"network.host: {HOST}",
        f"transport.port: {layout.transport_port(node)}",
        f"node.attr.bro_node: {node}",
        "cluster.routing.allocation.disk.threshold_enabled: false",
    ]
    if nodes == 1:
        lines.append("discovery.type: single-node")
    else:
        peers = [f"{HOST}:{layout.transport_port(peer)}" for peer in range(1, nodes + 1)]
        lines.append(f"discovery.seed_hosts: {json.dumps(peers)}")
        # Every JVM names its node "Node 1", so bootstrap by transport address instead.
        lines.append(f"cluster.initial_master_nodes: {json.dumps(peers)}")
    return "\n".join(lines) + "\n"


def launch_node(layout: Layout, node: int, nodes: int, lib: Path, cluster_name: str) -> int:
    """Start node ``node`` detached from this process; return its pid."""
    config = layout.config_file(node)
    config.parent.mkdir(parents=True, exist_ok=True)
    config.write_text(node_settings(layout, node, nodes))
    command = java_command(layout, node, lib, cluster_name)
    with layout.log_file(node).open("ab") as log:
        log.write(f"\n--- {time.strftime('%Y-%m-%d %H:%M:%S')} starting node {node}\n".encode())
        log.flush()
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=layout.node_dir(node),
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
    last_port = layout.http_port(nodes)
    if last_port > RUNNER_MAX_HTTP_PORT:
        raise EngineError(
            f"Node {nodes} would listen on {last_port}, but the cluster runner only uses "
            f"HTTP ports up to {RUNNER_MAX_HTTP_PORT}: choose a base port of at most "
            f"{RUNNER_MAX_HTTP_PORT - nodes}."
        )
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
        lib = fetch_jars()
        started_at = time.monotonic()
        launched = {}
        for node in missing:
            launched[node] = launch_node(layout, node, nodes, lib, cluster_name)
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
    for node, pid in pids.items():
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        print(f"Stopping node {node} (pid {pid}) ...")
    for node, pid in pids.items():
        if wait_for_exit(pid, timeout):
            print(f"Node {node} stopped.")
        else:
            terminate(pid, 0)
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
