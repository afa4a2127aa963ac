"""Editors get a clear message, on the field, for each thing the model forbids."""

import pytest
from django.utils import translation

from knowledge.models import EvidenceLevel, ProgrammePage
from tests.factories import create_url, programme_form, set_admin_language

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(english_admin):
    """The admin, reading the interface in English unless a test says otherwise."""
    return english_admin


def english(messages):
    """The form's (lazy) messages as the English-speaking editor read them."""
    with translation.override("en"):
        return [str(message) for message in messages]


def post_programme(admin_client, sections, data):
    response = admin_client.post(create_url(sections["programmes"]["DK"], ProgrammePage), data)
    assert response.status_code == 200, "an invalid page must not be saved"
    assert not ProgrammePage.objects.exists()
    return response.context["form"]


def test_end_year_before_start_year(admin_client, sections, organisation, theme):
    data = programme_form(organisation, theme, start_year="2024", end_year="2020")
    form = post_programme(admin_client, sections, data)
    assert english(form.errors["end_year"]) == ["The end year cannot be before the start year."]


def test_promising_evidence_needs_a_study(admin_client, sections, organisation, theme):
    level = str(EvidenceLevel.PROMISING.value)
    form = post_programme(
        admin_client, sections, programme_form(organisation, theme, evidence_level=level)
    )
    [message] = english(form.errors["evidence_level"])
    assert "needs at least one study" in message
    assert "Promising" in message


def test_promising_evidence_with_a_study_is_accepted(admin_client, sections, organisation, theme):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = programme_form(organisation, theme, evidence_level=str(EvidenceLevel.PROMISING.value))
    study = {"citation": "Nielsen 2023", "design": "before_after", "year": "2023"}
    data |= nested_form_data({"studies": inline_formset([study])})
    response = admin_client.post(create_url(sections["programmes"]["DK"], ProgrammePage), data)
    assert response.status_code == 302, response.context["form"].errors
    assert ProgrammePage.objects.get().studies.get().citation == "Nielsen 2023"


def test_a_programme_needs_a_lead_organisation(admin_client, sections, organisation, theme):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data

    data = programme_form(organisation, theme)
    data |= nested_form_data(
        {"partners": inline_formset([{"organisation": organisation.pk, "role": "funder"}])}
    )
    form = post_programme(admin_client, sections, data)
    assert "needs a lead organisation" in " ".join(english(form.non_field_errors()))


def test_a_malformed_contact_address_is_refused(admin_client, sections, organisation, theme):
    data = programme_form(organisation, theme, contact_url="not a web address")
    form = post_programme(admin_client, sections, data)
    assert english(form.errors["contact_url"]) == ["Enter a valid URL."]


def test_messages_come_in_the_editors_language(
    admin_client, admin_user, sections, organisation, theme
):
    set_admin_language(admin_user, "da")
    data = programme_form(organisation, theme, start_year="2024", end_year="2020")
    response = admin_client.post(create_url(sections["programmes"]["DK"], ProgrammePage), data)
    assert "Slutåret kan ikke ligge før startåret." in response.content.decode()
