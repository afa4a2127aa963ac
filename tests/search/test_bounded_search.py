"""A search costs less as the corpus grows: a bounded total, facet counts the engine keeps, and
one round trip to the engine for both.

The limit is lowered to 2 here (three pages in the index) so that "more than the limit" needs
no 10,000 documents; the rule is the same.
"""

import pytest
from django.conf import settings
from django.utils import translation

from search import query
from search.client import get_client
from search.params import SearchParams
from search.results import run_search
from tests.factories import add_programme

pytestmark = pytest.mark.elasticsearch


def test_the_hits_are_counted_up_to_ten_thousand_and_the_facets_asked_apart():
    params = SearchParams(q="inbrott", filters={"themes": ["burglary"]})
    hits = query.build_search(params, "bro").to_dict()
    facets = query.build_facets(params, "bro").to_dict()
    assert hits["track_total_hits"] == 10_000 and "aggs" not in hits
    assert facets["size"] == 0 and "highlight" not in facets and "sort" not in facets


@pytest.fixture
def limit_of_two(monkeypatch):
    monkeypatch.setattr(query, "TOTAL_HITS_LIMIT", 2)


def test_past_the_limit_the_count_is_a_lower_bound(cross_language_index, limit_of_two):
    results = run_search(SearchParams())
    assert (results.count, results.count_exact) == (2, False)
    assert len(results.results) == 3  # every hit is still listed
    assert sum(value["count"] for value in results.facets["type"]) == 3  # facets count all


@pytest.mark.parametrize(
    ("language", "heading"), [("da", "2+ resultater"), ("sv", "2+ resultat"), ("en", "2+ results")]
)
def test_the_search_page_shows_a_bounded_count_with_a_plus(
    client, cross_language_index, limit_of_two, language, heading
):
    with translation.override(language):
        page = client.get(f"/{language}/search/").content.decode()
    assert f'aria-live="polite">{heading}</h2>' in page


def test_the_api_says_whether_its_count_is_exact(client, cross_language_index, limit_of_two):
    assert client.get("/api/search/").json()["count_exact"] is False
    response = client.get("/api/search/", {"q": "inbrott", "lang": "sv"})
    assert (response.json()["count"], response.json()["count_exact"]) == (1, True)
    # Elasticsearch's own time, for the browser's developer tools and the benchmarks.
    assert response["Server-Timing"].startswith("es;dur=")


def test_a_repeated_search_reads_its_facet_counts_from_the_shard_request_cache(
    client, cross_language_index
):
    def cache_hits():
        stats = cross_language_index.indices.stats(
            index=settings.ELASTICSEARCH_INDEX, metric="request_cache"
        )
        return stats["_all"]["total"]["request_cache"]["hit_count"]

    search = {"q": "vold i familien", "country": "SE"}
    assert client.get("/api/search/", search).status_code == 200
    before = cache_hits()
    assert client.get("/api/search/", search).status_code == 200
    assert cache_hits() == before + 1


@pytest.fixture
def engine_requests(engine):
    """The path of every HTTP request the site's Elasticsearch client sends, as it sends it."""
    transport = get_client().transport
    perform_request = transport.perform_request
    paths = []

    def counted(method, path, *args, **kwargs):
        paths.append(path)
        return perform_request(method, path, *args, **kwargs)

    transport.perform_request = counted
    yield paths
    transport.perform_request = perform_request


@pytest.mark.parametrize("url", ["/api/search/", "/sv/search/"])
def test_a_search_is_one_round_trip_to_the_engine(
    client, cross_language_index, engine_requests, url
):
    response = client.get(url, {"q": "våld i familien", "country": "SE"})
    assert response.status_code == 200
    assert engine_requests == ["/_msearch"]
    assert response["Server-Timing"].startswith("es;dur=")


def test_only_a_search_that_finds_nothing_asks_for_a_better_spelling(
    client, cross_language_index, engine_requests
):
    answer = client.get("/api/search/", {"q": "nabohjelp", "country": "SE"}).json()
    assert answer["count"] == 0
    assert engine_requests == ["/_msearch", f"/{settings.ELASTICSEARCH_INDEX}/_search"]


def test_before_the_first_build_a_search_answers_from_the_database(client, engine, sections):
    """The engine is up, but no index is there yet: the searches of the one round trip both
    fail inside an answer of 200, and the site must still see that as "not built"."""
    add_programme(sections["programmes"]["DK"], title_da="Tryg bolig", country="DK")
    answer = client.get("/api/search/", {"q": "tryg"}).json()
    assert answer["engine_available"] is False
    assert [result["title"] for result in answer["results"]] == ["Tryg bolig"]
