"""`make test`'s services start from a clone in a folder only its owner may enter.

As root, PostgreSQL runs as `postgres` and Elasticsearch as `bro-es`. A newcomer's clone in
`/root/bro` or in a `mktemp -d` folder is one those users cannot enter, and both services once
failed to start from there. This clones the repository into a mode-700 folder and runs
`scripts/with-services.sh` from it, exactly as `make test` does, with a command that uses both
services; the owner's folders must keep their permissions.
"""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

USE_BOTH_SERVICES = """
import os, urllib.request, psycopg
with psycopg.connect(os.environ["DATABASE_URL"]) as connection:
    assert connection.execute("select 1").fetchone() == (1,)
with urllib.request.urlopen(os.environ["ELASTICSEARCH_URL"] + "/_cluster/health") as answer:
    assert answer.status == 200
print("both services answer")
"""


def test_services_start_and_stop_from_a_private_clone(tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    clone = private / "bro"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    clone_mode = clone.stat().st_mode
    # The clone's own .venv would be the same packages; make install is not what is tested here.
    (clone / ".venv").symlink_to(Path(sys.prefix))
    environment = {
        **os.environ,
        # A base port of its own: the suite's node runs on ES_TEST_BASE_PORT.
        "ES_TEST_BASE_PORT": str(int(os.environ.get("ES_TEST_BASE_PORT", "9250")) + 7),
    }

    result = subprocess.run(
        [
            "bash",
            "scripts/with-services.sh",
            "private-clone",
            sys.executable,
            "-c",
            USE_BOTH_SERVICES,
        ],
        cwd=clone,
        env=environment,
        capture_output=True,
        text=True,
        timeout=600,
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "both services answer" in result.stdout
    assert "Permission denied" not in result.stdout + result.stderr
    assert private.stat().st_mode & 0o777 == 0o700
    assert clone.stat().st_mode == clone_mode
