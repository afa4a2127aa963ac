"""Index documents are built from pages without the engine: every language side by side."""

import pytest

from knowledge.models import Theme
from search.indexing import page_to_document

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
