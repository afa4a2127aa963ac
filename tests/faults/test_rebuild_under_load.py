"""Full rebuilds while visitors search over HTTP: not one request fails or falls back.

tests/search/test_engine_indexing.py searches through the engine client during rebuilds; this
goes through the API view, so an alias swap that briefly left no index (the view would then
answer from the database, `engine_available: false`) counts as a failure too.
"""

import threading

import pytest
from django.db import connections
from django.test import Client

from search import indexing

pytestmark = pytest.mark.elasticsearch

SEARCHERS = 2
REBUILDS = 3


def test_api_searches_never_fail_while_the_index_is_rebuilt(
    engine, pages, thesaurus_loaded, settings
):
    settings.RATELIMIT_ENABLE = False  # the searchers ask as fast as they can, from one address
    indexing.rebuild()
    failures, counts = [], []
    done = threading.Event()

    def keep_searching():
        visitor = Client(raise_request_exception=True)
        try:
            while not done.is_set():
                response = visitor.get("/api/search/", {"q": "", "lang": "da"})
                body = response.json()
                if response.status_code != 200 or not body.get("engine_available"):
                    failures.append((response.status_code, body))
                else:
                    counts.append(body["count"])
        except Exception as error:  # noqa: BLE001 - a searcher that dies is a failure to report
            failures.append(error)
        finally:
            connections.close_all()

    searchers = [threading.Thread(target=keep_searching) for _ in range(SEARCHERS)]
    for searcher in searchers:
        searcher.start()
    try:
        for _ in range(REBUILDS):
            indexing.rebuild()
    finally:
        done.set()
        for searcher in searchers:
            searcher.join()
    assert failures == []
    assert counts and set(counts) == {len(pages)}
