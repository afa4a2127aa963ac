"""Index documents are built from pages without the engine: every language side by side."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from knowledge.models import Area, ExternalRating, RegistryLabel, Theme
from search import indexing
from search.indexing import page_to_document
from tests.factories import add_programme, implementation_site, make_method, term

pytestmark = pytest.mark.django_db


def test_each_language_has_its_own_fields(pages):
    doc = page_to_document(pages["da"])
    assert doc["title_da"] == "Tryg i parcelhuskvarteret"
    assert doc["title_sv"] == "" and doc["summary_en"] == ""
    assert doc["original_language"] == "da"
    assert doc["type"] == "programme"
    assert doc["url_da"].startswith("/da/")
    assert doc["url_sv"].startswith("/sv/")


def test_taxonomy_names_are_indexed_in_every_language(pages):
    doc = page_to_document(pages["da"])
    assert doc["themes"] == ["burglary"]
    assert (doc["tags_da"], doc["tags_sv"], doc["tags_en"]) == (
        ["Indbrud"],
        ["Inbrott"],
        ["Burglary"],
    )


def test_a_name_missing_in_a_language_is_indexed_in_the_pages_original_language(pages):
    page = pages["sv"]
    page.themes.add(Theme.objects.create(name_da="Vold", name_sv="Våld", name_en="", slug="v"))
    page.save()
    doc = page_to_document(page)
    assert (doc["tags_da"], doc["tags_sv"], doc["tags_en"]) == (["Vold"], ["Våld"], ["Våld"])


def test_facet_fields_of_a_programme_for_both_countries(pages):
    doc = page_to_document(pages["sv"])
    assert doc["country"] == ["DK", "SE"]
    assert doc["status"] == "ended"
    assert doc["years"] == list(range(2022, 2028))
    assert doc["evidence_level"] == 2


@pytest.fixture
def linkoping(db):
    """A municipality inside a county inside a country, each named in the three languages."""
    sweden = term(Area, "sweden", "Sverige", "Sverige", "Sweden", kind="country", country="SE")
    county = term(
        Area, "ostergotland", "Østergötland", "Östergötland", "Östergötland County",
        kind="county", country="SE", parent=sweden,
    )  # fmt: skip
    return term(
        Area, "linkoping", "Linköping Kommune", "Linköpings kommun", "Linköping Municipality",
        kind="municipality", country="SE", parent=county,
    )  # fmt: skip


def test_the_areas_a_page_has_run_in_are_a_facet_and_tags_in_every_language(pages, linkoping):
    page = pages["da"]
    page.implementation_sites = [implementation_site(linkoping)]
    page.save()
    doc = page_to_document(page)
    assert doc["site_areas"] == ["linkoping", "ostergotland", "sweden"]
    assert doc["areas"] == []  # where it has run is not where it is meant for
    assert {"Linköpings kommun", "Östergötland", "Sverige"} <= set(doc["tags_sv"])
    assert {"Linköping Kommune", "Østergötland", "Sverige"} <= set(doc["tags_da"])
    assert {"Linköping Municipality", "Östergötland County", "Sweden"} <= set(doc["tags_en"])


def test_a_method_that_has_run_somewhere_has_the_same_facet(sections, linkoping):
    method = make_method(sections["methods"]["DK"])
    method.implementation_sites = [implementation_site(linkoping.parent)]
    method.save()
    doc = page_to_document(method)
    assert doc["site_areas"] == ["ostergotland", "sweden"]
    assert "Östergötland" in doc["tags_sv"]


def test_the_registries_that_rated_a_page_are_a_facet_once_each(pages):
    page = pages["sv"]
    crimesolutions = RegistryLabel.objects.filter(registry__slug="crimesolutions")
    toolkit = RegistryLabel.objects.filter(registry__slug="crime-reduction-toolkit").first()
    page.external_ratings = [
        ExternalRating(registry_label=crimesolutions[0]),
        ExternalRating(registry_label=toolkit),
        ExternalRating(registry_label=crimesolutions[1]),
        ExternalRating(registry="A local list", label="Good"),  # not in the list: no slug
    ]
    page.save()
    assert page_to_document(page)["registries"] == ["crime-reduction-toolkit", "crimesolutions"]


def test_cost_band_and_the_strength_of_evidence_on_the_effect(pages):
    page = pages["da"]
    assert page_to_document(page)["cost_band"] is None
    page.cost_band = "low"
    page.emmie_effect_strength = "strong"
    doc = page_to_document(page)
    assert (doc["cost_band"], doc["effect_strength"]) == ("low", "strong")


def queries_for_documents():
    with CaptureQueriesContext(connection) as queries:
        docs = list(indexing.documents())
    return len(docs), len(queries)


def test_the_sites_of_many_pages_cost_no_more_queries_than_of_one(pages, linkoping):
    pages["da"].implementation_sites = [implementation_site(linkoping)]
    pages["da"].save()
    queries_for_documents()  # Wagtail's site and root paths, read once per process
    one = queries_for_documents()
    for number in range(6):
        page = add_programme(pages["da"].get_parent(), title_da=f"Mere {number}")
        page.implementation_sites = [implementation_site(linkoping.parent)]
        page.save()
    many = queries_for_documents()
    assert (one[0], many[0]) == (2, 8)
    assert many[1] == one[1]
