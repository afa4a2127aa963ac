"""One node's settings, launch and process: what ``bin/elasticsearch`` would do, but detached.

The launcher JVM is run directly, so that the pid file holds its pid and ``path.data`` on its
command line tells this launcher's nodes from any other Elasticsearch on the machine.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import time
from pathlib import Path

from .layout import HOST, EngineError, Layout
from .service_user import give_to_service_user, privileged_command

CLI_MAIN_CLASS = "org.elasticsearch.launcher.CliToolLauncher"
#: Sized for a 2-core, 24 GB machine shared with the test suite: one JVM per node.
DEFAULT_HEAP = ("-Xms512m", "-Xmx1g")
START_MARKER = "--- "
#: Lines that name no reason: the launcher's closing words after any failure, stack frames.
NOISE = (
    *(f"ERROR: Elasticsearch {end}" for end in ("did not exit normally", "exited", "died")),
    "at ",
    "...",
)
FATAL = "fatal exception while booting Elasticsearch"
REASON = re.compile(r"exception|error|bootstrap check failure|failed|denied|cannot", re.IGNORECASE)
#: ``[time][LEVEL][logger] [node] `` before a line of Elasticsearch's own log.
LOG_PREFIX = re.compile(r"^\[[^\]]*\]\[(?P<level>\w+)\s*\]\[[^\]]*\]\s*(\[[^\]]*\]\s*)?")
#: A header inside a message ("output:", "error:") with nothing after it.
LABEL = re.compile(r"\w+:")


def node_settings(layout: Layout, node: int, nodes: int, cluster_name: str) -> str:
    """The ``elasticsearch.yml`` for node ``node`` of a ``nodes``-node cluster."""
    lines = [
        "# Written by devtools/elasticsearch on every start; edits are lost.",
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
    """The command that runs node ``node``; the launcher starts the server JVM and stops it
    when it gets SIGTERM."""
    command = [
        str(java / "bin" / "java"), "-Xms4m", "-Xmx64m", "-XX:+UseSerialGC",
        "-Dcli.name=server", f"-Dcli.script={home / 'bin' / 'elasticsearch'}",
        "-Dcli.libs=lib/tools/server-cli", f"-Des.path.home={home}",
        f"-Des.path.conf={layout.config_dir(node)}", "-Des.distribution.type=zip",
        "-Des.java.type=ES_JAVA_HOME",
        "-cp", f"{home}/lib/*:{home}/lib/cli-launcher/*", CLI_MAIN_CLASS,
        f"-Epath.data={layout.node_dir(node) / 'data'}",
    ]  # fmt: skip
    return privileged_command(command)


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
    owned = [layout.root, node_dir, *node_dir.rglob("*")]
    give_to_service_user([path for path in owned if path.name not in ("engine.log", "engine.pid")])


def launch_node(
    layout: Layout, node: int, nodes: int, home: Path, java: Path, cluster_name: str
) -> int:
    """Start node ``node`` detached from this process; return its pid."""
    prepare_node_dir(layout, node, nodes, home, cluster_name)
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
        log.write(
            f"\n{START_MARKER}{time.strftime('%Y-%m-%d %H:%M:%S')} starting node {node}\n".encode()
        )
        log.flush()
        process = subprocess.Popen(
            node_command(layout, node, home, java),
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=home,  # as bin/elasticsearch does; inside the state folder, so bro-es can enter it
            env=env,
            start_new_session=True,
        )
    layout.pid_file(node).write_text(f"{process.pid}\n")
    return process.pid


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


def process_exists(pid: int) -> bool:
    """True if ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    state = stat.rsplit(")", 1)[-1].split()[0]
    return state != "Z"


def wait_for_exit(pid: int, timeout: float) -> bool:
    """Wait up to ``timeout`` s for ``pid`` to go away; True if it did."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not process_exists(pid):
            return True
        time.sleep(0.2)
    return not process_exists(pid)


def descendants(pid: int) -> list[int]:
    """Pids of all children of ``pid``, recursively (empty if it is gone)."""
    children = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError, ValueError):
            children += [int(child) for child in (task / "children").read_text().split()]
    return [grandchild for child in children for grandchild in (child, *descendants(child))]


def kill(pids: list[int]) -> None:
    """SIGKILL ``pids`` and wait briefly until they are gone."""
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
        wait_for_exit(pid, 10.0)


# --------------------------------------------------------------------------- the log


def last_start(text: str) -> list[str]:
    """The lines the log got since the last start."""
    lines = text.splitlines()
    starts = [index for index, line in enumerate(lines) if line.startswith(START_MARKER)]
    return lines[starts[-1] + 1 :] if starts else lines


def failure_reason(text: str) -> str:
    """The reason a node failed, as one line, from its log since its last start.

    The first line naming an error (Elasticsearch's own log lines only at level ERROR, without
    their ``[time][level][logger]`` prefix), with the message lines that follow it up to the
    stack trace: "starting java failed" alone would not say that the heap was too small.
    """
    lines = [line.strip() for line in last_start(text)]
    for index, line in enumerate(lines):
        prefix = LOG_PREFIX.match(line)
        if prefix and prefix["level"] not in ("ERROR", "FATAL"):
            continue
        # Elasticsearch writes the exception right after these words, on the line or the next.
        message = (line[prefix.end() :] if prefix else line).removeprefix(FATAL)
        if line.startswith(NOISE) or not REASON.search(message):
            continue
        details = []
        for following in lines[index + 1 :]:
            if not following or following.startswith(("Caused by:", "[", *NOISE)):
                break
            if not LABEL.fullmatch(following):
                details.append(following)
        return "; ".join([message, *details])[:400]
    return next((line for line in reversed(lines) if line), "the log says nothing")[:400]


def read_log(layout: Layout, node: int) -> str:
    """Node ``node``'s log, or an empty string if it has none."""
    try:
        return layout.log_file(node).read_text(errors="replace")
    except FileNotFoundError:
        return ""
