"""Where a page has run, and who else rated it, found through the real engine and the API."""

import pytest
from django.utils import translation

from knowledge.models import Area, ExternalRating, RegistryLabel
from search import indexing
from search.params import SearchParams
from search.results import run_search
from tests.factories import implementation_site, term

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def danish_page_run_in_sweden(engine, pages, thesaurus_loaded):
    """The Danish programme of `pages`, run in a Swedish municipality and rated by the EIF."""
    sweden = term(Area, "sweden", "Sverige", "Sverige", "Sweden", kind="country", country="SE")
    county = term(
        Area, "ostergotland", "Østergötland", "Östergötland", "Östergötland County",
        kind="county", country="SE", parent=sweden,
    )  # fmt: skip
    linkoping = term(
        Area, "linkoping", "Linköping Kommune", "Linköpings kommun", "Linköping Municipality",
        kind="municipality", country="SE", parent=county,
    )  # fmt: skip
    page = pages["da"]
    page.implementation_sites = [implementation_site(linkoping)]
    page.external_ratings = [
        ExternalRating(registry_label=RegistryLabel.objects.filter(registry__slug="eif").first())
    ]
    with translation.override("da"):
        page.save_revision().publish()
    indexing.rebuild()
    return page


def titles(params):
    return [result.title for result in run_search(params).results]


def test_a_danish_page_is_found_by_the_swedish_county_it_has_run_in(danish_page_run_in_sweden):
    found = run_search(SearchParams(language="sv", filters={"site_areas": ["ostergotland"]}))
    assert [result.id for result in found.results] == [danish_page_run_in_sweden.pk]
    labels = {value["value"]: (value["label"], value["count"]) for value in found.facets[
        "site_areas"
    ]}  # fmt: skip
    assert labels == {
        "linkoping": ("Linköpings kommun", 1),
        "ostergotland": ("Östergötland", 1),
        "sweden": ("Sverige", 1),
    }
    assert titles(SearchParams(filters={"site_areas": ["sweden"]})) == ["Tryg i parcelhuskvarteret"]


@pytest.mark.parametrize("text", ["Östergötland", "Ostergotland", "Linköping"])
def test_the_place_it_has_run_in_is_found_by_its_name(danish_page_run_in_sweden, text):
    assert titles(SearchParams(q=text, language="sv")) == ["Tryg i parcelhuskvarteret"]


def test_the_registries_facet_counts_and_filters(danish_page_run_in_sweden):
    everything = run_search(SearchParams(language="en"))
    registries = {value["value"]: value for value in everything.facets["registries"]}
    assert {name: value["count"] for name, value in registries.items()} == {"eif": 1}
    assert registries["eif"]["label"] == "EIF Guidebook"
    assert titles(SearchParams(filters={"registries": ["eif"]})) == ["Tryg i parcelhuskvarteret"]


def test_the_api_takes_the_new_filters_and_refuses_unknown_ones(client, danish_page_run_in_sweden):
    answer = client.get("/api/search/", {"site_areas": "ostergotland", "registries": "eif"})
    assert answer.status_code == 200
    assert [result["id"] for result in answer.json()["results"]] == [danish_page_run_in_sweden.pk]
    for params in (
        {"site_areas": "atlantis"},
        {"registries": "nobody"},
        {"cost_band": "free"},
        {"effect_strength": ""},
        {"site_areas": "östergötland\x00"},
    ):
        response = client.get("/api/search/", params)
        assert response.status_code == 400, params
        assert next(iter(params)) in response.json()["error"]


def test_the_search_page_shows_the_facets_in_the_readers_language(
    client, danish_page_run_in_sweden
):
    html = client.get("/sv/search/").content.decode()
    assert "Har genomförts i" in html and "Bedömd av andra register" in html
    assert "Östergötland" in html and "EIF Guidebook" in html
    html = client.get("/da/search/", {"site_areas": "ostergotland"}).content.decode()
    assert "Er gennemført i" in html and "Tryg i parcelhuskvarteret" in html
