"""PostgreSQL restarts or goes away under a running site: /healthz says so, and the next request
after it is back works, no site restart needed.

The site runs as in production, under gunicorn with persistent database connections
(CONN_MAX_AGE), against the test database. A restart of PostgreSQL kills those connections;
CONN_HEALTH_CHECKS makes Django notice at the start of the next request and reconnect, instead
of failing it. The test restarts the private server that `make test` started
(BRO_TEST_POSTGRES_DIR, scripts/postgres-instance.sh).
"""

import json
import os
import subprocess
import urllib.request
from pathlib import Path

import pytest
from django.db import connections

from .servers import REPO, get, gunicorn

#: The monitoring token of the server under test: /healthz names the database's state for it.
HEALTHZ_TOKEN = "postgres-restart-test"
MONITOR = urllib.request.build_opener()
MONITOR.addheaders = [("Authorization", f"Bearer {HEALTHZ_TOKEN}")]


@pytest.fixture
def postgres_dir():
    folder = os.environ.get("BRO_TEST_POSTGRES_DIR")
    if not folder or not Path(folder, "data").is_dir():
        pytest.fail("BRO_TEST_POSTGRES_DIR must name the PostgreSQL folder `make test` started.")
    return folder


@pytest.fixture
def site(django_db_setup, live_database_url):
    """The site under gunicorn (one worker, so one persistent connection), on a free port."""
    with gunicorn(
        DATABASE_URL=live_database_url,
        DATABASE_CONN_MAX_AGE="600",
        # No index behind this alias: search answers from the database.
        ELASTICSEARCH_INDEX="bro-postgres-restart-none",
        HEALTHZ_TOKEN=HEALTHZ_TOKEN,
    ) as url:
        yield url


def postgres(command, folder):
    """`restart`, `pause` or `resume` the private server (scripts/postgres-instance.sh)."""
    subprocess.run(
        ["bash", "scripts/postgres-instance.sh", command, folder],
        cwd=REPO, check=True, capture_output=True, timeout=120,
    )  # fmt: skip


def test_site_answers_the_first_request_after_a_postgres_restart(site, postgres_dir):
    status, body = get(f"{site}/healthz", MONITOR)
    assert status == 200 and json.loads(body)["database"]["ok"]
    status, body = get(f"{site}/api/search/?q=tryg")
    assert status == 200 and json.loads(body)["engine_available"] is False

    try:
        postgres("restart", postgres_dir)
    finally:
        connections.close_all()  # this process's own connections died too

    status, body = get(f"{site}/healthz", MONITOR)
    assert status == 200, body
    assert json.loads(body)["database"]["ok"], "the first request after the restart failed"
    status, body = get(f"{site}/api/search/?q=tryg")
    assert status == 200, body
    assert json.loads(body)["count"] == 0


def test_healthz_names_the_database_while_postgres_is_down(site, postgres_dir):
    try:
        postgres("pause", postgres_dir)
        status, body = get(f"{site}/healthz", MONITOR)
    finally:
        postgres("resume", postgres_dir)
        connections.close_all()  # this process's own connections died too
    assert status == 503, body
    answer = json.loads(body)
    assert answer["failing"] == ["database"] and answer["elasticsearch"]["ok"]
    status, body = get(f"{site}/healthz", MONITOR)
    assert status == 200 and json.loads(body)["database"]["ok"], body
