"""A Danish machine draft of a Swedish text, made on the server with Apertium (Debian's
`apertium-swe-dan`), that never overwrites an editor's words and says "not reviewed" until an
editor changes or confirms it."""

import pytest
from django.urls import reverse
from django.utils import translation

from knowledge.machine_translation import apertium
from knowledge.machine_translation.drafting import draft_translation
from knowledge.models import ProgrammePage
from tests.factories import make_programme

pytestmark = pytest.mark.django_db


@pytest.fixture
def swedish_programme(sections):
    """A Swedish programme whose Danish version has only a title and a summary so far."""
    page = make_programme(
        sections["programmes"]["SE"],
        base="grannsamverkan",
        country="SE",
        original_language="sv",
        title_sv="Grannsamverkan mot inbrott",
        summary_sv="Grannar i bostadsområden samarbetar mot inbrott.",
        implementation_sv="Polisen utbildar kontaktpersoner i varje bostadsområde.",
        implementation_da="",
        funding_note_sv="Kommunen betalar skyltar och möten.",
        description_sv=[
            {"type": "text", "value": "<p>Grannar håller <strong>uppsikt</strong> över hemmen.</p>"}
        ],
    )
    goals = list(page.goals.all())
    goals[0].text_da = ""
    page.goals = goals
    page.save_revision().publish()
    return ProgrammePage.objects.get(pk=page.pk)


def test_the_engine_translates_swedish_into_danish_and_keeps_markup():
    text, markup = apertium.translate(
        [("Inbrott i bostadsområden", False), ("<p>Grannar mot <b>inbrott</b></p>", True)],
        "sv",
        "da",
    )
    assert "indbrud" in text.lower()
    assert markup.startswith("<p>") and "<b>indbrud</b>" in markup


def test_a_draft_fills_only_the_empty_danish_fields(swedish_programme, admin_user):
    written_by_editor = swedish_programme.summary_da

    fields = draft_translation(swedish_programme, "sv", "da", admin_user)

    draft = swedish_programme.get_latest_revision_as_object()
    assert set(fields) == {"implementation", "funding_note", "description", "goals"}
    assert draft.summary_da == written_by_editor
    assert "uddanner" in draft.implementation_da or "politiet" in draft.implementation_da.lower()
    assert "<strong>" in draft.description_da.raw_data[0]["value"]
    assert draft.goals.first().text_da
    assert set(draft.machine_drafts["da"]) == set(fields)
    # A draft is a new version, not published.
    assert ProgrammePage.objects.get(pk=swedish_programme.pk).implementation_da == ""


def test_an_editors_change_ends_the_machine_draft_of_that_field(swedish_programme, admin_user):
    draft_translation(swedish_programme, "sv", "da", admin_user)
    page = swedish_programme.get_latest_revision_as_object()
    page.implementation_da = "Politiet uddanner kontaktpersoner."
    page.save_revision(user=admin_user)

    notes = swedish_programme.get_latest_revision_as_object().machine_drafts["da"]
    assert "implementation" not in notes
    assert "funding_note" in notes


def test_the_public_page_says_which_texts_are_machine_translated(
    swedish_programme, admin_user, client
):
    draft_translation(swedish_programme, "sv", "da", admin_user)
    swedish_programme.get_latest_revision().publish()
    page = ProgrammePage.objects.get(pk=swedish_programme.pk)
    with translation.override("da"):
        danish = client.get(page.get_url())
    with translation.override("sv"):
        swedish = client.get(page.get_url())

    assert "maskinoversat fra svensk, endnu ikke gennemlæst" in danish.text.lower()
    assert "Maskinoversat" not in swedish.text and "Maskinöversatt" not in swedish.text


def test_the_editor_drafts_and_marks_reviewed_through_the_admin(swedish_programme, admin_client):
    url = reverse("knowledge_machine_draft", args=[swedish_programme.pk, "sv", "da"])
    assert admin_client.get(url).status_code == 200

    response = admin_client.post(url)

    assert response.status_code == 302
    edit = admin_client.get(response.url)
    assert "knowledge_machine_draft_reviewed" not in edit.text
    assert (
        reverse("knowledge_machine_draft_reviewed", args=[swedish_programme.pk, "da"]) in edit.text
    )
    admin_client.post(
        reverse("knowledge_machine_draft_reviewed", args=[swedish_programme.pk, "da"])
    )
    assert "da" not in swedish_programme.get_latest_revision_as_object().machine_drafts


def test_english_is_refused_without_changing_anything(swedish_programme, admin_client):
    before = swedish_programme.get_latest_revision().pk
    response = admin_client.post(
        reverse("knowledge_machine_draft", args=[swedish_programme.pk, "sv", "en"])
    )
    assert response.status_code == 302
    assert swedish_programme.get_latest_revision().pk == before


def test_without_the_engine_the_editor_is_told_and_nothing_changes(
    swedish_programme, admin_client, monkeypatch
):
    monkeypatch.setenv("PATH", "/nonexistent")
    before = swedish_programme.get_latest_revision().pk
    url = reverse("knowledge_machine_draft", args=[swedish_programme.pk, "sv", "da"])

    response = admin_client.post(url, follow=True)

    assert "Apertium is not installed" in response.text
    assert swedish_programme.get_latest_revision().pk == before


def test_an_editor_of_the_other_country_may_not_draft(swedish_programme, danish_editor, client):
    client.force_login(danish_editor)
    before = swedish_programme.get_latest_revision().pk
    url = reverse("knowledge_machine_draft", args=[swedish_programme.pk, "sv", "da"])

    response = client.post(url)

    # Wagtail's admin answers a refused permission by sending the editor to the dashboard.
    assert (response.status_code, response.url) == (302, reverse("wagtailadmin_home"))
    assert swedish_programme.get_latest_revision().pk == before


def test_the_translation_report_lists_pages_with_unreviewed_drafts(
    swedish_programme, admin_user, english_admin
):
    draft_translation(swedish_programme, "sv", "da", admin_user)
    swedish_programme.get_latest_revision().publish()
    report = reverse("knowledge_translation_status")

    danish = english_admin.get(report, {"machine_draft": "da"})
    swedish = english_admin.get(report, {"machine_draft": "sv"})

    assert "Grannsamverkan" in danish.text or "Bo Trygt" in danish.text
    assert "Bo Trygt" not in swedish.text
