"""Running the launcher as a user does, from a checkout: ``python -m devtools.elasticsearch``."""

import os
import subprocess
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[2]
CLUSTER_BASE_PORT = int(os.environ.get("ES_CLUSTER_TEST_BASE_PORT", "9260"))
#: The fault tests' cluster listens on its base + 1 to 3; the nodes these tests start on + 5
#: and + 8 (transport + 105 and + 108), so the three never meet.
PRIVATE_CHECKOUT_BASE_PORT = CLUSTER_BASE_PORT + 4
FAILING_START_BASE_PORT = CLUSTER_BASE_PORT + 7


def launcher(checkout, *arguments, env=None):
    """Run the launcher of ``checkout``; the finished process, output as text."""
    return subprocess.run(
        [sys.executable, "-m", "devtools.elasticsearch", *arguments],
        cwd=checkout,
        env={**os.environ, **(env or {})},
        capture_output=True,
        text=True,
        timeout=400,
    )
