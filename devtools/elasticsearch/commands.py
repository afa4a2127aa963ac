"""The commands: start (idempotent), stop, status, wait and clean, for one state folder.

Each prints what it did and returns the exit code; failures raise ``EngineError``.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import time
from pathlib import Path

from .fetch import fetch_distribution
from .health import cluster_health, describe, is_healthy, wait_until_healthy
from .layout import EngineError, Layout, file_lock, instances
from .nodes import (
    descendants,
    java_home,
    kill,
    launch_node,
    port_in_use,
    running_pid,
    wait_for_exit,
)
from .plugin import build_plugin, plugin_sources_hash
from .runtime import runtime_home
from .service_user import prepare_state_dir, remove_state_dir

START_TIMEOUT = 180.0
STOP_TIMEOUT = 60.0


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
    prepare_state_dir(layout.data_dir)
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
        plugin_hash = plugin_sources_hash()
        home = runtime_home(
            layout.data_dir, fetch_distribution(), build_plugin(plugin_hash), plugin_hash
        )
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
            kill(family)
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


def command_clean(data_dir: Path, timeout: float) -> int:
    """Stop every node this checkout started, on any base port, and delete the state folder."""
    for layout in instances(data_dir):
        command_stop(layout, None, timeout)
    remove_state_dir(data_dir)
    print(f"Deleted {data_dir}.")
    return 0
