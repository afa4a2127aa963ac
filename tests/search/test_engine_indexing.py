"""Keeping the index equal to the published pages: queue, rebuild, alias swap, check."""

import threading

import pytest
from django.conf import settings
from django.utils import translation

from search import indexing, queue
from search.models import IndexTask

pytestmark = pytest.mark.elasticsearch


def indexed_ids(client):
    client.indices.refresh(index=settings.ELASTICSEARCH_INDEX)
    hits = client.search(index=settings.ELASTICSEARCH_INDEX, size=100)["hits"]["hits"]
    return sorted(int(hit["_id"]) for hit in hits)


def test_rebuild_indexes_every_live_page_behind_the_alias(engine, pages, thesaurus_loaded):
    result = indexing.rebuild()
    assert result.indexed == 2
    assert indexed_ids(engine) == sorted(page.pk for page in pages.values())
    assert list(engine.indices.get_alias(name=settings.ELASTICSEARCH_INDEX)) == [result.index]


def test_the_index_swapped_out_is_kept_for_one_rebuild_then_deleted(
    engine, pages, thesaurus_loaded
):
    first, second, third = (indexing.rebuild() for _ in range(3))
    built = set(engine.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}-*"))
    assert built == {second.index, third.index}, "searches still reading the last one finish"
    assert list(engine.indices.get_alias(name=settings.ELASTICSEARCH_INDEX)) == [third.index]
    assert first.index not in built


def test_publish_unpublish_and_delete_reach_the_index_through_the_queue(
    engine, pages, thesaurus_loaded, django_capture_on_commit_callbacks
):
    indexing.rebuild()
    page = pages["da"]
    with django_capture_on_commit_callbacks(execute=True), translation.override("da"):
        page.title_da = "Tryg i villakvarteret"
        page.save_revision().publish()
    hit = engine.get(index=settings.ELASTICSEARCH_INDEX, id=page.pk)
    assert hit["_source"]["title_da"] == "Tryg i villakvarteret"
    assert IndexTask.objects.count() == 0

    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()
    assert page.pk not in indexed_ids(engine)

    with django_capture_on_commit_callbacks(execute=True):
        pages["sv"].delete()
    assert indexed_ids(engine) == []


def test_search_keeps_answering_while_the_index_is_rebuilt(engine, pages, thesaurus_loaded):
    indexing.rebuild()
    failures, answers = [], []
    stop = threading.Event()

    def keep_searching():
        while not stop.is_set():
            try:
                answers.append(engine.count(index=settings.ELASTICSEARCH_INDEX)["count"])
            except Exception as error:  # noqa: BLE001 - any failure is what the test counts
                failures.append(error)

    searcher = threading.Thread(target=keep_searching)
    searcher.start()
    try:
        for _ in range(3):
            indexing.rebuild()
    finally:
        stop.set()
        searcher.join()
    assert failures == []
    assert answers and set(answers) == {2}
    assert len(engine.indices.get_alias(name=settings.ELASTICSEARCH_INDEX)) == 1


def test_check_reports_missing_stale_and_orphaned_entries(engine, pages, thesaurus_loaded):
    indexing.rebuild()
    assert indexing.check().ok
    danish, swedish = pages["da"], pages["sv"]
    engine.delete(index=settings.ELASTICSEARCH_INDEX, id=danish.pk, refresh=True)
    swedish.save_revision().publish()  # newer than its index entry (no drain in a test transaction)
    engine.index(
        index=settings.ELASTICSEARCH_INDEX, id=999999, document={"page_id": 999999}, refresh=True
    )
    result = indexing.check()
    assert (result.missing, result.stale, result.orphaned) == ([danish.pk], [swedish.pk], [999999])
    indexing.reconcile()
    assert indexing.check().ok


def test_a_thesaurus_change_queues_a_rebuild_that_applies_it(engine, pages, thesaurus_loaded):
    from search.models import ThesaurusConcept

    indexing.rebuild()
    ThesaurusConcept.objects.create(
        concept="made-up", terms_da="nabohjælp", terms_sv="grannvaktx", terms_en="neighbourx"
    )
    assert IndexTask.objects.filter(page_id=None).exists()
    queue.drain_all(rebuilds=True)  # what the worker does
    ids = [
        int(hit["_id"])
        for hit in engine.search(
            index=settings.ELASTICSEARCH_INDEX, query={"match": {"summary_da": "grannvaktx"}}
        )["hits"]["hits"]
    ]
    assert ids == [pages["da"].pk]
