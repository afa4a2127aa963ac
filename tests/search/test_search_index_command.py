"""`manage.py search_index`, as an operator runs it: --rebuild, --check, --drain and --worker."""

import io
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import translation

from knowledge.models import ProgrammePage
from search.models import IndexTask

pytestmark = pytest.mark.elasticsearch

REPO = Path(__file__).resolve().parents[2]
#: How long the worker may take to send a queued change (it drains every --interval seconds).
WORKER_DEADLINE = 60


def search_index(*arguments):
    out = io.StringIO()
    call_command("search_index", *arguments, "--quiet", stdout=out)
    return out.getvalue()


def indexed_title(client, page):
    return client.get(index=settings.ELASTICSEARCH_INDEX, id=page.pk)["_source"]["title_da"]


def test_rebuild_indexes_the_live_pages_and_check_then_finds_nothing_amiss(
    engine, pages, thesaurus_loaded
):
    assert "Indexed 2 pages into" in search_index("--rebuild")
    assert indexed_title(engine, pages["da"]) == "Tryg i parcelhuskvarteret"
    report = search_index("--check")
    assert "missing: 0" in report and "stale: 0" in report and "orphaned: 0" in report


def test_check_names_a_page_missing_from_the_index_and_fails(engine, pages, thesaurus_loaded):
    search_index("--rebuild")
    engine.delete(index=settings.ELASTICSEARCH_INDEX, id=pages["da"].pk, refresh=True)
    out = io.StringIO()
    with pytest.raises(CommandError, match="differs from the published pages"):
        call_command("search_index", "--check", stdout=out)
    assert f"missing: 1 [{pages['da'].pk}]" in out.getvalue()


def test_drain_sends_the_waiting_changes(engine, pages, thesaurus_loaded):
    search_index("--rebuild")
    page = pages["da"]
    with translation.override("da"):
        page.title_da = "Tryg i villakvarteret"
        page.save_revision().publish()  # queued; a test's transaction never commits to drain
    assert IndexTask.objects.filter(page_id=page.pk).exists()
    waiting = IndexTask.objects.count()  # the pages' first publish is waiting too
    assert f"{waiting} index updates sent." in search_index("--drain")
    assert IndexTask.objects.count() == 0
    assert indexed_title(engine, page) == "Tryg i villakvarteret"


def test_an_unreachable_engine_is_a_clear_error(db, unreachable_engine):
    IndexTask.objects.create(page_id=1)  # something to send
    with pytest.raises(CommandError, match="Elasticsearch cannot be reached"):
        search_index("--drain")


def database_url():
    """The test database, for a process of its own."""
    db = connection.settings_dict
    return f"postgres://{db['USER']}:{db['PASSWORD']}@{db['HOST']}:{db['PORT']}/{db['NAME']}"


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("migrated_rows_put_back")
def test_the_worker_sends_a_change_queued_while_it_runs(engine, pages, thesaurus_loaded):
    """The worker is a process of its own, as in production, stopped like Ctrl-C stops it."""
    search_index("--rebuild")
    worker = subprocess.Popen(
        [sys.executable, "manage.py", "search_index", "--worker", "--interval", "0.2"],
        cwd=REPO,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "DATABASE_URL": database_url(),
            "ELASTICSEARCH_URL": settings.ELASTICSEARCH_URL,
            "ELASTICSEARCH_INDEX": settings.ELASTICSEARCH_INDEX,
        },
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        # A suite started in the background inherits SIGINT ignored; Ctrl-C must reach the worker.
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    try:
        page = pages["da"]
        # Changed behind the signals' back, so only the worker can send it.
        ProgrammePage.objects.filter(pk=page.pk).update(title_da="Tryg i villakvarteret")
        IndexTask.objects.create(page_id=page.pk)
        deadline = time.monotonic() + WORKER_DEADLINE
        while IndexTask.objects.exists() and time.monotonic() < deadline:
            assert worker.poll() is None, worker.stdout.read()
            time.sleep(0.2)
        assert not IndexTask.objects.exists(), "the worker left the change in the queue"
        assert indexed_title(engine, page) == "Tryg i villakvarteret"
    finally:
        worker.send_signal(signal.SIGINT)
        output, _ = worker.communicate(timeout=30)
    assert "Indexing worker started" in output and "Indexing worker stopped." in output
    assert "Traceback" not in output
