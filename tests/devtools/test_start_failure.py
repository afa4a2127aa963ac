"""A node that cannot start: one line says what failed, why and how to retry."""

import shutil

import pytest

from devtools.elasticsearch.layout import Layout, state_dir

from .node_commands import CHECKOUT, FAILING_START_BASE_PORT, launcher

pytestmark = pytest.mark.elasticsearch
PORT = FAILING_START_BASE_PORT


def test_a_failed_start_prints_one_line_with_the_reason_and_the_retry_command():
    layout = Layout(state_dir(CHECKOUT), PORT)
    try:
        failed = launcher(
            CHECKOUT, "start", "--base-port", str(PORT), env={"ES_JAVA_OPTS": "-Xmx1k"}
        )
        log = layout.log_file(1).read_text()
    finally:
        shutil.rmtree(layout.root, ignore_errors=True)

    assert failed.returncode == 1
    (line,) = failed.stderr.splitlines()
    assert line.startswith("error: Elasticsearch node 1 exited during start-up: ")
    assert "Initial heap size set to a larger value than the maximum heap size" in line
    assert f"(whole log: {layout.log_file(1)})" in line
    assert line.endswith(f"-m devtools.elasticsearch start --base-port {PORT}")
    assert "at org.elasticsearch" in log, "the whole stack trace stays in the log"
