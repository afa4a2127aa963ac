"""The indexing queue on the real PostgreSQL: a row per change, in the change's transaction,
and each row sent once however many drains run."""

import threading

import pytest
from django.conf import settings
from django.db import connections, transaction
from django.utils import translation

from search import indexing, queue
from search.models import IndexTask

pytestmark = pytest.mark.elasticsearch

DRAINS = 2


def test_a_rolled_back_change_leaves_no_queue_row(pages):
    page = pages["da"]
    before = IndexTask.objects.count()
    with pytest.raises(RuntimeError), transaction.atomic(), translation.override("da"):
        page.title_da = "Aldrig udgivet"
        page.save_revision().publish()
        assert IndexTask.objects.count() == before + 1  # written with the change itself
        raise RuntimeError("the editor's request fails after the publish")
    assert IndexTask.objects.count() == before


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
@pytest.mark.usefixtures("migrated_rows_put_back")
def test_two_drains_at_once_send_each_change_once(engine, pages, thesaurus_loaded, monkeypatch):
    """Two workers, each on a connection of its own: while the first sends the rows it took,
    the second drains too, and must find nothing left to take."""
    indexing.rebuild()
    IndexTask.objects.all().delete()  # the fixture's publishes, left for the worker
    IndexTask.objects.bulk_create([IndexTask(page_id=page.pk) for page in pages.values()])
    holding, release = threading.Event(), threading.Event()
    send = queue.index_page_ids

    def send_holding_the_first(page_ids):
        """The real send; the first caller waits there until the other drain has run."""
        if not holding.is_set():
            holding.set()
            release.wait(timeout=30)
        return send(page_ids)

    monkeypatch.setattr(queue, "index_page_ids", send_holding_the_first)
    sent, errors = {}, []

    def drain(name, after=None):
        try:
            if after is None or after.wait(timeout=30):
                sent[name] = queue.drain_all()
        except Exception as error:  # noqa: BLE001 - a drain that dies fails the test
            errors.append(error)
        finally:
            release.set()
            connections.close_all()

    first = threading.Thread(target=drain, args=("first",))
    second = threading.Thread(target=drain, args=("second", holding))
    first.start()
    second.start()
    second.join(timeout=60)
    first.join(timeout=60)
    assert errors == []
    assert sent == {"first": len(pages), "second": 0}, "a change was sent twice, or not at all"
    assert IndexTask.objects.count() == 0
    engine.indices.refresh(index=settings.ELASTICSEARCH_INDEX)
    assert engine.count(index=settings.ELASTICSEARCH_INDEX)["count"] == len(pages)
