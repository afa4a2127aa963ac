"""Editors create, edit and publish programmes and methods in the admin, in three languages."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from knowledge.models import EvidenceLevel, MethodPage, ProgrammePage
from tests.factories import create_url, programme_form, trilingual

pytestmark = pytest.mark.django_db


def test_admin_creates_and_publishes_a_programme_in_three_languages(
    admin_client, sections, organisation, theme
):
    section = sections["programmes"]["DK"]
    data = programme_form(organisation, theme)
    data["action-publish"] = "publish"
    response = admin_client.post(create_url(section, ProgrammePage), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ProgrammePage.objects.get(slug_da="tryg-bolig")
    assert page.live
    assert (page.title_da, page.title_sv, page.title_en) == (
        "Tryg bolig",
        "Tryggt boende",
        "Safe home",
    )
    assert page.summary_sv.startswith("Kommunen och polisen")
    assert [goal.text_en for goal in page.goals.all()] == ["Fewer burglaries"]
    assert page.partners_by_role()["lead"] == [organisation]
    assert list(page.themes.all()) == [theme]


def test_admin_edits_a_swedish_field_and_publishes(admin_client, sections, organisation, theme):
    section = sections["programmes"]["DK"]
    admin_client.post(
        create_url(section, ProgrammePage),
        {**programme_form(organisation, theme), "action-publish": "publish"},
    )
    page = ProgrammePage.objects.get(slug_da="tryg-bolig")
    data = programme_form(organisation, theme, summary_sv="Ny svensk sammanfattning.")
    data["partners-0-id"] = str(page.partners.get().pk)
    data["goals-0-id"] = str(page.goals.get().pk)
    data["action-publish"] = "publish"
    response = admin_client.post(f"/admin/pages/{page.pk}/edit/", data)
    assert response.status_code == 302
    page.refresh_from_db()
    assert page.summary_sv == "Ny svensk sammanfattning."
    assert page.summary_da == "Kommunen og politiet forebygger indbrud sammen."


def test_admin_creates_a_method(admin_client, sections, theme):
    section = sections["methods"]["SE"]
    data = nested_form_data(
        {
            **trilingual("title", "Forstærkningsteam", "Förstärkningsteam", "Reinforcement team"),
            **trilingual("slug", "forstaerkningsteam", "forstarkningsteam", "reinforcement-team"),
            **trilingual("summary", "Et team.", "Ett team.", "A team."),
            **trilingual("mechanism", "Hurtig hjælp.", "Snabb hjälp.", "Quick help."),
            "country": "SE",
            "evidence_level": str(EvidenceLevel.NOT_EVALUATED.value),
            "studies": inline_formset([]),
            "external_ratings": inline_formset([]),
            "implementation_sites": inline_formset([]),
            "source_links": inline_formset([]),
            "original_language": "sv",
            "action-publish": "publish",
        }
    )
    data["themes"] = [str(theme.pk)]
    response = admin_client.post(create_url(section, MethodPage), data)
    assert response.status_code == 302, response.context["form"].errors
    method = MethodPage.objects.get(slug_sv="forstarkningsteam")
    assert method.live and method.mechanism_en == "Quick help."


def test_a_programme_cannot_be_created_under_the_methods_index(sections):
    assert not ProgrammePage.can_create_at(sections["methods"]["DK"])
    assert ProgrammePage.can_create_at(sections["programmes"]["DK"])
    assert not MethodPage.can_create_at(sections["programmes"]["SE"])


def test_new_page_form_shows_the_translation_status_panel(english_admin, sections):
    response = english_admin.get(create_url(sections["programmes"]["DK"], ProgrammePage))
    assert response.status_code == 200
    assert "Translation status" in response.content.decode()


def test_sections_belong_to_the_country_editor_groups(sections):
    danish = Group.objects.get(name="Editors – Denmark")
    pages = {Page.objects.get(pk=p.page_id) for p in danish.page_permissions.all()}
    assert pages == {sections["programmes"]["DK"].page_ptr, sections["methods"]["DK"].page_ptr}
