"""The site as production runs it, under gunicorn on a free port, for the fault tests."""

import contextlib
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, opener=None):
    """Status and body of one GET, error statuses included; no retries."""
    try:
        with (opener.open if opener else urllib.request.urlopen)(url, timeout=30) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, error.read()


@contextlib.contextmanager
def gunicorn(**env):
    """The site under gunicorn (one worker) with `env` added to this process's environment.

    Its log goes to a file, not a pipe: a pipe nobody reads fills up, and the worker then hangs
    in its next log line (a site logging each failed cache call while Redis is down, say).
    """
    port = free_port()
    with tempfile.TemporaryFile() as log:
        server = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "config.wsgi", "--workers", "1",
             "--bind", f"127.0.0.1:{port}", "--timeout", "120"],
            cwd=REPO, env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", **env},
            stdout=subprocess.DEVNULL, stderr=log,
        )  # fmt: skip
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    get(f"{url}/healthz")
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        log.seek(0)
                        pytest.fail(f"gunicorn did not start: {log.read().decode()[-2000:]}")
                    time.sleep(0.5)
            yield url
        finally:
            server.terminate()
            server.wait(timeout=30)
