"""SQLite, the embedded default, with the indexing worker beside the site: separate processes.

Each test runs the real `manage.py search_index --worker` on a SQLite file next to another
process, as `make run` does, with the real Elasticsearch node of `make test`.
"""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
import uuid

import pytest
from django.conf import settings

from search.client import get_client

pytestmark = pytest.mark.elasticsearch

MANAGE = [sys.executable, str(settings.BASE_DIR / "manage.py")]
EDITS = 200

#: A publish as it touches the queue: read, then write the task in the same transaction, and
#: the drain after the commit.
EDITOR = f"""
from django.db import transaction
from search import queue
from search.models import IndexTask

for number in range({EDITS}):
    with transaction.atomic():
        IndexTask.objects.count()
        queue.enqueue([number + 1])
print("all edits saved")
"""


@pytest.fixture(scope="module")
def migrated_sqlite(tmp_path_factory):
    path = tmp_path_factory.mktemp("sqlite") / "template.sqlite3"
    env = {**os.environ, "DATABASE_URL": f"sqlite:///{path}"}
    subprocess.run([*MANAGE, "migrate", "--noinput", "-v", "0"], env=env, check=True, timeout=300)
    return path


@pytest.fixture
def site_env(migrated_sqlite, tmp_path):
    """The environment of a site on a fresh copy of the migrated SQLite database."""
    database = tmp_path / "db.sqlite3"
    shutil.copy(migrated_sqlite, database)
    alias = f"bro-test-sqlite-{uuid.uuid4().hex[:10]}"
    yield {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.test",
        "DATABASE_URL": f"sqlite:///{database}",
        "ELASTICSEARCH_INDEX": alias,
        "OPEN_DATA_EXPORT_ROOT": str(tmp_path / "open-data"),
        "database": str(database),
    }
    names = list(get_client().indices.get(index=f"{alias}*"))
    if names:
        get_client().indices.delete(index=",".join(names))


@pytest.fixture
def start_worker(site_env, tmp_path):
    started = []

    def start(interval):
        log = (tmp_path / "worker.log").open("w")
        process = subprocess.Popen(
            [*MANAGE, "search_index", "--worker", "--interval", str(interval)],
            env=site_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        started.append(process)
        return process, tmp_path / "worker.log"

    yield start
    for process in started:
        process.terminate()
        process.wait(timeout=30)


def waiting_tasks(site_env):
    with sqlite3.connect(site_env["database"]) as database:
        return database.execute("SELECT count(*) FROM search_indextask").fetchone()[0]


def wait_for(condition, seconds, message):
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.2)


def worker_status(site_env):
    return subprocess.run(
        [*MANAGE, "search_index", "--worker-status"],
        env=site_env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_publishing_while_the_worker_drains_never_finds_the_database_locked(site_env, start_worker):
    worker, log = start_worker(interval=0)
    editor = subprocess.run(
        [*MANAGE, "shell", "-c", EDITOR], env=site_env, capture_output=True, text=True, timeout=600
    )

    assert "locked" not in editor.stderr, editor.stderr[-2000:]
    assert editor.returncode == 0 and "all edits saved" in editor.stdout, editor.stderr[-2000:]
    assert worker.poll() is None, f"the worker died:\n{log.read_text()[-2000:]}"
    wait_for(lambda: waiting_tasks(site_env) == 0, 120, "the worker did not empty the queue")
    assert "locked" not in log.read_text(), log.read_text()[-2000:]


def test_the_worker_survives_failing_rounds_says_so_and_recovers(site_env, start_worker):
    with sqlite3.connect(site_env["database"]) as database:
        database.execute(
            "INSERT INTO search_indextask (created_at, attempts, last_error)"
            " VALUES (datetime('now'), 0, '')"
        )
        database.execute("ALTER TABLE search_indextask RENAME TO hidden_indextask")
    worker, log = start_worker(interval=0.2)
    wait_for(
        lambda: log.read_text().count("no such table") >= 3 or worker.poll() is not None,
        60,
        "the failures were not logged",
    )
    assert worker.poll() is None, f"the worker died:\n{log.read_text()[-2000:]}"
    status = worker_status(site_env)
    assert status.returncode != 0 and "failing" in status.stdout, status.stdout

    with sqlite3.connect(site_env["database"]) as database:
        database.execute("ALTER TABLE hidden_indextask RENAME TO search_indextask")
    wait_for(lambda: waiting_tasks(site_env) == 0, 120, "the worker did not recover")
    wait_for(lambda: worker_status(site_env).returncode == 0, 120, "the worker is not ok again")
    assert worker.poll() is None
