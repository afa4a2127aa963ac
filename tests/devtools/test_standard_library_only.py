"""The launcher runs before the project is installed: on the standard library alone."""

import subprocess
import sys

from .node_commands import CHECKOUT


def test_the_launcher_runs_without_site_packages():
    # -S: no site-packages, so importing Django or anything installed would fail here.
    result = subprocess.run(
        [sys.executable, "-S", "-m", "devtools.elasticsearch", "--help"],
        cwd=CHECKOUT,
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr
    assert "start" in result.stdout and "clean" in result.stdout
