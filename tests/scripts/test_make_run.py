"""`make run` as a newcomer gets it: from a fresh clone in a private folder, quietly, with the
thesaurus in the index it serves.

The clone's Elasticsearch node is already up when `make run` starts (a second run, or a warm
machine): that is when the demo content's publishes once built the index before the thesaurus
was in the database, and nothing ever rebuilt it.
"""

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
#: What make run sets itself, or the suite set for its own services.
NOT_INHERITED = (
    "DJANGO_SETTINGS_MODULE",
    "DATABASE_URL",
    "ELASTICSEARCH_URL",
    "ELASTICSEARCH_INDEX",
)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def get(url, body=None):
    data = json.dumps(body).encode() if body is not None else None
    request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=10) as answer:
        return answer.status, answer.read()


def wait_until_served(url, process, timeout=600):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        assert process.poll() is None, "make run stopped before serving the site"
        try:
            return get(url)
        except (urllib.error.URLError, ConnectionError):
            time.sleep(2)
    raise AssertionError(f"make run did not serve {url} within {timeout} s")


def search_tokens(es_url, text):
    """The Swedish search analyzer's tokens for `text`, from the index the site reads."""
    _status, body = get(f"{es_url}/bro-pages/_analyze", {"analyzer": "bro_sv_search", "text": text})
    return {token["token"] for token in json.loads(body)["tokens"]}


def signal_group(process, number):
    """Send a signal to the process group of `make run`, which may have stopped on its own:
    its output must still be read and shown."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, number)


def test_make_run_serves_a_private_clone_with_the_thesaurus_in_its_index(tmp_path):
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    clone = private / "bro"
    subprocess.run(["git", "clone", "--quiet", str(REPO), str(clone)], check=True)
    (clone / ".venv").symlink_to(Path(sys.prefix))
    es_base_port = int(os.environ.get("ES_TEST_BASE_PORT", "9250")) + 8
    es_url = f"http://127.0.0.1:{es_base_port + 1}"
    site_port = free_port()
    environment = {key: value for key, value in os.environ.items() if key not in NOT_INHERITED}
    environment.update(ES_BASE_PORT=str(es_base_port), PORT=str(site_port))
    launcher = [sys.executable, "-m", "devtools.elasticsearch"]
    subprocess.run([*launcher, "start", "--base-port", str(es_base_port)], cwd=clone, check=True)
    make_run = subprocess.Popen(
        ["make", "run"],
        cwd=clone,
        env=environment,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        # Ctrl-C as in a terminal, even where the suite itself was started with SIGINT ignored
        # (as a background job is): an ignored signal would be inherited by make run.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        status, _page = wait_until_served(f"http://127.0.0.1:{site_port}/da/", make_run)
        assert status == 200
        # The thesaurus pairs Swedish "kroppskameror" with Danish "kropsbårne kameraer".
        assert search_tokens(es_url, "kroppskameror") & search_tokens(es_url, "kropsbårne kameraer")
    finally:
        signal_group(make_run, signal.SIGINT)
        try:
            output, _ = make_run.communicate(timeout=120)
        except subprocess.TimeoutExpired:
            signal_group(make_run, signal.SIGKILL)
            output, _ = make_run.communicate()
            output += "\n(make run did not stop within 120 s of Ctrl-C)"
        subprocess.run([*launcher, "stop", "--base-port", str(es_base_port)], cwd=clone)
        print(output)  # shown with a failure

    assert "Bro is served at" in output
    for noise in ("ALTER TABLE", "Search index not updated yet", "Traceback"):
        assert noise not in output, output
    assert len(output.splitlines()) < 25, output
