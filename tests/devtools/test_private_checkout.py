"""A checkout in a folder nobody else may enter (``/root/...``, ``mktemp -d``) runs its node.

As root the node runs as ``bro-es``, which cannot enter such a folder: its files must live
where it can, and the folder must stay private. The launcher is copied (as a clone would
bring it) into a mode-700 folder and run from there on a spare base port.
"""

import json
import os
import shutil
import stat
import urllib.request

import pytest

from devtools.elasticsearch.layout import Layout, state_dir

from .node_commands import CHECKOUT, PRIVATE_CHECKOUT_BASE_PORT, launcher

pytestmark = pytest.mark.elasticsearch
PORT = str(PRIVATE_CHECKOUT_BASE_PORT)


@pytest.fixture(scope="module")
def private_checkout(tmp_path_factory):
    """A checkout inside a mode-700 folder, its node started; stopped and cleaned at the end."""
    private = tmp_path_factory.mktemp("private")
    private.chmod(0o700)
    checkout = private / "bro"
    ignore = shutil.ignore_patterns("__pycache__", "target")
    shutil.copytree(CHECKOUT / "devtools", checkout / "devtools", ignore=ignore)
    started = launcher(checkout, "start", "--base-port", PORT)
    try:
        yield checkout, started
    finally:
        launcher(checkout, "clean")


def test_the_node_starts_and_the_private_folder_stays_private(private_checkout):
    checkout, started = private_checkout

    assert started.returncode == 0, started.stderr
    with urllib.request.urlopen(
        f"http://127.0.0.1:{PRIVATE_CHECKOUT_BASE_PORT + 1}/", timeout=10
    ) as answer:
        assert json.load(answer)["version"]["number"].startswith("8.")
    assert stat.S_IMODE(checkout.parent.stat().st_mode) == 0o700
    if os.geteuid() == 0:
        state = state_dir(checkout.resolve())
        assert str(state) in started.stdout
        assert state.owner() == "bro-es" and stat.S_IMODE(state.stat().st_mode) == 0o750


def test_a_second_start_leaves_the_running_node_alone(private_checkout):
    checkout, _started = private_checkout
    pid_file = Layout(state_dir(checkout.resolve()), PRIVATE_CHECKOUT_BASE_PORT).pid_file(1)
    pid = pid_file.read_text()

    again = launcher(checkout, "start", "--base-port", PORT)

    assert again.returncode == 0, again.stderr
    assert "already running" in again.stdout and "nothing to do" in again.stdout
    assert "Started node" not in again.stdout
    assert pid_file.read_text() == pid


def test_stop_stops_the_node_and_clean_removes_its_files(private_checkout):
    checkout, _started = private_checkout

    assert launcher(checkout, "stop", "--base-port", PORT).returncode == 0
    assert launcher(checkout, "status", "--base-port", PORT).returncode == 1
    assert launcher(checkout, "clean").returncode == 0
    assert not state_dir(checkout.resolve()).exists()
