"""Proposing a programme: a draft page in the proposer's language, and a real acknowledgement."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from knowledge.models import MethodPage, ProgrammePage
from participation.models import Proposal
from tests.mail_server import body

pytestmark = pytest.mark.django_db


def url(language="sv"):
    with translation.override(language):
        return reverse("participation:propose")


def proposal_data(client, language="sv", **changes):
    started = client.get(url(language)).context["form"]["started"].value()
    return {
        "started": started,
        "website": "",
        "kind": "programme",
        "title": "Nattvandring i Rosengård",
        "description": "Vuxna går i grupp på kvällarna och pratar med unga.",
        "place": "Malmö",
        "country": "SE",
        "organisation": "Malmö stad",
        "source_url": "https://malmo.se/nattvandring",
        "email": "anna@example.org",
        "notify": "on",
    } | changes


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_the_form_is_in_every_language(client, sections, language):
    response = client.get(url(language))
    assert response.status_code == 200
    with translation.override(language):
        assert translation.gettext("Propose a programme or a method") in response.text


def test_a_proposal_becomes_a_draft_in_the_proposers_language_and_is_acknowledged(
    client, sections, smtp
):
    response = client.post(url("sv"), proposal_data(client))
    assert response.status_code == 302

    proposal = Proposal.objects.get()
    page = ProgrammePage.objects.get(pk=proposal.page_id)
    assert not page.live and page.has_unpublished_changes
    assert page.get_parent().pk == sections["programmes"]["SE"].pk
    assert (page.title_sv, page.original_language, page.country) == (
        "Nattvandring i Rosengård",
        "sv",
        "SE",
    )
    assert page.summary_sv.startswith("Vuxna går i grupp")
    [mail] = smtp.wait_for(1)
    assert mail["To"] == "anna@example.org"
    assert "Nattvandring i Rosengård" in body(mail)


def test_a_method_proposal_lands_in_the_methods_section(client, sections, smtp):
    client.post(url("da"), proposal_data(client, "da", kind="method", country="DK"))
    page = MethodPage.objects.get()
    assert page.get_parent().pk == sections["methods"]["DK"].pk
    assert page.title_da == "Nattvandring i Rosengård"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"website": "http://spam.example"}, "website"),
        ({"started": "forged"}, "started"),
        ({"email": "not an address"}, "email"),
        ({"title": ""}, "title"),
        ({"source_url": ""}, "source_url"),
    ],
)
def test_bad_input_is_refused_with_its_message_and_nothing_is_stored(
    client, sections, changes, field
):
    response = client.post(url(), proposal_data(client, **changes))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert f'href="#id_{field}"' in response.text or field in ("website", "started")
    assert not Proposal.objects.exists()
    assert not ProgrammePage.objects.filter(live=False).exists()


def test_a_form_sent_too_fast_is_refused(client, sections, settings):
    settings.PARTICIPATION_FORM_MIN_SECONDS = 60
    response = client.post(url(), proposal_data(client))
    assert response.status_code == 400
    with translation.override("sv"):
        expected = translation.gettext(
            "The form was sent too fast. Check your text and send it again."
        )
    assert response.context["form"].errors["started"] == [expected]
    assert not Proposal.objects.exists()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00 a program", "not a .pdf file"),
        ("tool.exe", b"MZ\x90\x00", "not accepted"),
        ("notes.txt", b"\x00\x01\x02binary", "not a .txt file"),
    ],
)
def test_an_upload_of_the_wrong_type_is_refused(client, sections, name, content, message):
    upload = SimpleUploadedFile(name, content)
    data = proposal_data(client, source_url="", source_file=upload)
    response = client.post(url("en"), data)
    assert response.status_code == 400
    assert message in str(response.context["form"].errors["source_file"])
    assert not Proposal.objects.exists()


def test_an_upload_too_large_is_refused(client, sections, settings):
    settings.PARTICIPATION_UPLOAD_MAX_BYTES = 1000
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7" + b"x" * 2000)
    response = client.post(url("en"), proposal_data(client, source_file=upload))
    assert response.status_code == 400
    assert "too large" in str(response.context["form"].errors["source_file"])


def test_a_pdf_source_is_kept_with_the_proposal(client, sections, smtp):
    upload = SimpleUploadedFile("report.pdf", b"%PDF-1.7 a report")
    response = client.post(url("en"), proposal_data(client, source_url="", source_file=upload))
    assert response.status_code == 302
    assert Proposal.objects.get().source_file.read() == b"%PDF-1.7 a report"


def test_the_proposer_is_told_when_the_page_is_published(client, sections, smtp):
    from participation.jobs import tell_proposers

    client.post(url("sv"), proposal_data(client))
    smtp.wait_for(1)
    page = Proposal.objects.get().page
    tell_proposers()
    assert len(smtp.messages) == 1, "told before the page was published"
    page.get_latest_revision().publish()
    tell_proposers()
    tell_proposers()
    messages = smtp.wait_for(2)
    assert len(messages) == 2
    assert "nattvandring" in body(messages[1]).lower()


def test_a_second_proposal_of_the_same_title_gets_a_slug_of_its_own(client, sections, smtp):
    for _ in range(2):
        assert client.post(url("sv"), proposal_data(client)).status_code == 302
    slugs = sorted(page.slug_sv for page in ProgrammePage.objects.all())
    assert slugs == ["nattvandring-i-rosengård", "nattvandring-i-rosengård-2"]
