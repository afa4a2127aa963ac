"""The database search that answers while Elasticsearch is down reads a bounded number of rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from search import fallback
from search.params import SearchParams
from tests.factories import add_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def five_matches(sections):
    for number in range(5):
        add_programme(
            sections["programmes"]["DK"],
            title_da=f"Tryg bolig {number}",
            summary_da="Nabohjælp.",
            country="DK",
        )


def test_the_fallback_counts_and_returns_no_more_than_its_bound(five_matches, monkeypatch):
    monkeypatch.setattr(fallback, "MAX_RESULTS", 3, raising=False)
    with CaptureQueriesContext(connection) as queries:
        count, pages = fallback.database_search(SearchParams(q="tryg", page_size=10))
    assert (count, len(pages)) == (3, 3)
    page_reads = [q["sql"] for q in queries if 'FROM "knowledge_programmepage"' in q["sql"]]
    assert page_reads and all("LIMIT 3" in sql for sql in page_reads), page_reads


def test_paging_stops_at_the_bound(five_matches, monkeypatch):
    monkeypatch.setattr(fallback, "MAX_RESULTS", 3, raising=False)
    count, pages = fallback.database_search(SearchParams(q="tryg", page=2, page_size=2))
    assert (count, [page.title_da for page in pages]) == (3, ["Tryg bolig 2"]), "newest first"
