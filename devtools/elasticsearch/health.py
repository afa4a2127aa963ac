"""Ask the nodes how they are (``_cluster/health`` over plain HTTP) and wait until healthy.

``urllib`` rather than the Elasticsearch client: this package runs before the project's
dependencies are installed.
"""

from __future__ import annotations

import contextlib
import json
import time
import urllib.error
import urllib.request

from .layout import EngineError, Layout
from .nodes import failure_reason, process_exists, read_log

POLL_INTERVAL = 1.0


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


def start_failure(layout: Layout, node: int, what: str) -> EngineError:
    """One line: what failed for node ``node``, why (from its log) and where the log is."""
    reason = failure_reason(read_log(layout, node))
    return EngineError(f"{what}: {reason} (whole log: {layout.log_file(node)})")


def wait_until_healthy(
    layout: Layout, nodes: list[int], expected: int, timeout: float, pids: dict[int, int]
) -> dict:
    """Poll until a node reports yellow/green with ``expected`` nodes; return the health.

    Fails at once if one of the just-started JVMs in ``pids`` dies.
    """
    deadline = time.monotonic() + timeout
    while True:
        for node, pid in pids.items():
            if not process_exists(pid):
                layout.pid_file(node).unlink(missing_ok=True)
                raise start_failure(
                    layout, node, f"Elasticsearch node {node} exited during start-up"
                )
        for node in nodes:
            health = cluster_health(layout, node, expected)
            if is_healthy(health, expected):
                return health
        if time.monotonic() >= deadline:
            raise start_failure(
                layout,
                nodes[0],
                f"Elasticsearch was not healthy with {expected} node(s) after {timeout:.0f} s",
            )
        time.sleep(POLL_INTERVAL)
