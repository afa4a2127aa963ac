"""When the Elasticsearch node stops: nothing is lost, search still answers, health says so.

This test stops and restarts the real node that `make test` started (ES_BASE_PORT).
"""

import contextlib
import os
import subprocess
import sys

import pytest
from django.utils import translation

from search import indexing, queue
from search.models import IndexTask

pytestmark = pytest.mark.elasticsearch


def engine_command(action):
    base_port = os.environ.get("ES_BASE_PORT", "9250")
    subprocess.run(
        [sys.executable, "-m", "devtools.elasticsearch", action, "--base-port", base_port],
        check=True,
        capture_output=True,
        timeout=300,
    )


def test_a_stopped_node_loses_no_publish_and_search_falls_back(
    client, engine, pages, thesaurus_loaded, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    with stopped_node():
        publish_and_search_through_an_outage(
            client, engine, pages, django_capture_on_commit_callbacks
        )


@contextlib.contextmanager
def stopped_node():
    """Stops the node for the block and always starts it again afterwards."""
    engine_command("stop")
    try:
        yield
    finally:
        engine_command("start")


def publish_and_search_through_an_outage(client, engine, pages, django_capture_on_commit_callbacks):
    page = pages["da"]
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "unavailable"}  # the detail is for staff

    waiting = IndexTask.objects.count()
    with django_capture_on_commit_callbacks(execute=True), translation.override("da"):
        page.title_da = "Tryg i villakvarteret"
        page.save_revision().publish()
    assert IndexTask.objects.count() == waiting + 1, "the publish must wait in the queue"
    task = IndexTask.objects.last()
    assert task.page_id == page.pk
    assert task.attempts == 1 and "Connection" in task.last_error

    response = client.get("/da/search/", {"q": "villakvarteret"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "search engine is not available" in html or "søgemaskinen" in html.lower()
    assert "Tryg i villakvarteret" in html
    api = client.get("/api/search/", {"q": "villakvarteret"}).json()
    assert api["engine_available"] is False
    assert [r["id"] for r in api["results"]] == [page.pk]

    with django_capture_on_commit_callbacks(execute=True):
        pages["sv"].unpublish()  # its entry must go when the node is back

    engine_command("start")
    assert client.get("/healthz").status_code == 200
    queue.drain_all()
    assert IndexTask.objects.count() == 0
    hit = engine.get(index=indexing.alias_name(), id=page.pk)
    assert hit["_source"]["title_da"] == "Tryg i villakvarteret"
    result = indexing.check()
    assert result.ok, f"missing {result.missing}, stale {result.stale}, orphaned {result.orphaned}"
