"""The command line: ``python -m devtools.elasticsearch start|stop|status|wait|clean``."""

from __future__ import annotations

import argparse
import os
import shlex
import sys

from .commands import (
    START_TIMEOUT,
    STOP_TIMEOUT,
    command_clean,
    command_start,
    command_status,
    command_stop,
    command_wait,
)
from .layout import DEFAULT_BASE_PORT, EngineError, Layout, state_dir

PROGRAM = "devtools.elasticsearch"
DEFAULT_CLUSTER_NAME = "bro"


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
    parser = argparse.ArgumentParser(
        prog=f"python -m {PROGRAM}",
        description=f"Run a local Elasticsearch for development and tests (state: {state_dir()}).",
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
    clean = commands.add_parser("clean", help="stop every node and delete the state folder")
    clean.add_argument("--timeout", type=float, default=STOP_TIMEOUT, help="seconds")
    return parser


def retry_command(argv: list[str]) -> str:
    """The command line that ran this, to print after a failure."""
    python = os.path.relpath(sys.executable)
    if python.startswith(".."):
        python = sys.executable
    return shlex.join([python, "-m", PROGRAM, *argv])


def main(argv: list[str] | None = None) -> int:
    """Entry point; returns the process exit code."""
    argv = sys.argv[1:] if argv is None else argv
    args = build_parser().parse_args(argv)
    try:
        if args.command == "clean":
            return command_clean(state_dir(), args.timeout)
        layout = Layout(state_dir(), args.base_port or default_base_port())
        if args.command == "start":
            return command_start(layout, args.nodes, args.cluster_name, args.timeout)
        if args.command == "stop":
            return command_stop(layout, args.node, args.timeout)
        if args.command == "status":
            return command_status(layout)
        return command_wait(layout, args.nodes, args.timeout)
    except EngineError as error:
        retry = f"; retry: {retry_command(argv)}" if args.command == "start" else ""
        print(f"error: {error}{retry}", file=sys.stderr)
        return 1
