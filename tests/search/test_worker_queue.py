"""The queue and the worker: rebuilds only in the worker, no transaction open while the engine
is asked, claims that run out, and the worker's state in /healthz.

Against the real PostgreSQL and Elasticsearch of `make test`.
"""

import datetime

import pytest
from django.db import connections
from django.utils import timezone, translation

from search import indexing, queue, worker
from search.client import get_client
from search.models import IndexTask, WorkerBeat

pytestmark = pytest.mark.elasticsearch


def publish(page, title, capture):
    with capture(execute=True), translation.override("da"):
        page.title_da = title
        page.save_revision().publish()


def test_the_drain_after_a_publish_sends_the_page_and_leaves_the_rebuild_to_the_worker(
    engine, pages, thesaurus_loaded, django_capture_on_commit_callbacks
):
    built = indexing.rebuild().index
    queue.enqueue_rebuild()  # a thesaurus edit or a restore

    publish(pages["da"], "Tryg i villakvarteret", django_capture_on_commit_callbacks)

    assert indexing.current_indices() == [built], "the editor's request rebuilt the index"
    assert list(IndexTask.objects.values_list("page_id", flat=True)) == [None]
    entry = engine.get(index=indexing.alias_name(), id=pages["da"].pk)
    assert entry["_source"]["title_da"] == "Tryg i villakvarteret"

    assert queue.drain_all(rebuilds=True) == 1  # the worker's round
    assert indexing.current_indices() != [built]
    assert IndexTask.objects.count() == 0


@pytest.fixture
def transaction_depth_at_each_request(engine):
    """The depth of open atomic blocks on this thread's connection at every engine request.

    The bulk requests of a rebuild are sent from other threads, so the connection is taken
    here, in the test's thread, where the drain's transactions would be.
    """
    connection = connections["default"]
    transport = get_client().transport
    perform_request = transport.perform_request
    depths = []

    def recording(*args, **kwargs):
        depths.append(len(connection.atomic_blocks))
        return perform_request(*args, **kwargs)

    transport.perform_request = recording
    yield depths
    transport.perform_request = perform_request


@pytest.mark.parametrize("task", ["rebuild", "page"])
def test_no_database_transaction_is_open_while_the_engine_is_asked(
    engine, pages, thesaurus_loaded, transaction_depth_at_each_request, task
):
    indexing.rebuild()
    IndexTask.objects.all().delete()  # the fixtures' publishes, not drained in a test transaction
    IndexTask.objects.create(page_id=None if task == "rebuild" else pages["da"].pk)
    test_transaction = len(connections["default"].atomic_blocks)
    transaction_depth_at_each_request.clear()

    assert queue.drain(rebuilds=True) == 1

    assert transaction_depth_at_each_request, "the drain never asked the engine"
    assert set(transaction_depth_at_each_request) == {test_transaction}
    assert IndexTask.objects.count() == 0


def test_a_claim_that_runs_out_lets_the_next_drain_take_the_tasks(engine, pages, thesaurus_loaded):
    indexing.rebuild()
    IndexTask.objects.all().delete()  # the fixtures' publishes, not drained in a test transaction
    IndexTask.objects.create(page_id=pages["sv"].pk)
    (claimed,) = queue.claim(10, rebuilds=False)  # and its drain died before the engine answered

    assert queue.drain() == 0, "a claimed task must not be sent twice at once"
    IndexTask.objects.filter(pk=claimed.pk).update(claimed_until=timezone.now())
    assert queue.drain() == 1
    assert IndexTask.objects.count() == 0


def test_a_failed_send_records_the_error_and_frees_the_tasks(engine, pages, settings):
    indexing.rebuild()
    IndexTask.objects.all().delete()  # the fixtures' publishes, not drained in a test transaction
    IndexTask.objects.create(page_id=pages["da"].pk)
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"  # nothing listens on the discard port
    get_client.cache_clear()
    try:
        assert worker.work_once() is not None
    finally:
        get_client.cache_clear()
    task = IndexTask.objects.get()
    assert task.attempts == 1 and task.last_error and task.claimed_until is None


def test_healthz_reports_the_worker_never_seen_ok_failing_and_stale(client, engine, db, settings):
    settings.HEALTHZ_TOKEN = "monitoring-secret"  # the detail is for monitors and staff only

    def state():
        response = client.get("/healthz", HTTP_AUTHORIZATION="Bearer monitoring-secret")
        assert response.status_code == 200, "the worker's state must not take the site down"
        return response.json()["worker"]["state"]

    assert state() == "never seen"
    worker.beat(None)
    assert state() == "ok"
    worker.beat(ConnectionError("engine gone"))
    assert state() == "failing"
    WorkerBeat.objects.update(ok=True, beat_at=timezone.now() - datetime.timedelta(hours=1))
    assert state() == "stale"
