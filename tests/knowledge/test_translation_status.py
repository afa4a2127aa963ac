"""Editors see which fields still lack a translation, and can list pages missing a language."""

import pytest
from django.utils import translation

from knowledge.models import ProgrammePage
from knowledge.translation_status import missing_translations
from tests.factories import add_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def half_translated(sections):
    return sections["programmes"]["DK"].add_child(
        instance=ProgrammePage(
            title_da="Tryg bolig",
            title_sv="Tryggt boende",
            title_en="Safe home",
            slug_da="tryg-bolig",
            slug_sv="tryggt-boende",
            slug_en="safe-home",
            summary_da="Dansk resumé.",
            summary_en="English summary.",
            implementation_da="To medarbejdere.",
            country="DK",
        )
    )


def test_missing_translations_names_fields_filled_elsewhere_but_empty_here(half_translated):
    missing = missing_translations(half_translated)
    assert set(missing) == {"sv", "en"}
    with translation.override("en"):
        assert [str(label) for label in missing["sv"]] == ["summary", "what it takes"]
        assert [str(label) for label in missing["en"]] == ["what it takes"]


def test_report_lists_pages_missing_swedish(admin_client, half_translated, sections):
    complete = sections["programmes"]["SE"].add_child(
        instance=ProgrammePage(
            title_da="Fuld",
            title_sv="Full",
            title_en="Full",
            slug_da="fuld",
            slug_sv="full",
            slug_en="full",
            summary_da="a",
            summary_sv="b",
            summary_en="c",
            country="SE",
        )
    )
    html = admin_client.get("/admin/reports/translation-status/?missing=sv").content.decode()
    assert "Tryg bolig" in html
    assert "Fuld" not in html
    html = admin_client.get("/admin/reports/translation-status/").content.decode()
    assert "Tryg bolig" in html and complete.title_da in html


def test_report_lists_only_the_pages_the_editor_may_edit(
    client, danish_editor, half_translated, sections
):
    add_programme(
        sections["programmes"]["SE"],
        title_da="Svensk program",
        summary_da="Kun delvist oversat.",
        summary_sv="Bara delvis översatt.",
        country="SE",
    )
    client.force_login(danish_editor)
    html = client.get("/admin/reports/translation-status/").content.decode()
    assert "Tryg bolig" in html
    assert "Svensk program" not in html
