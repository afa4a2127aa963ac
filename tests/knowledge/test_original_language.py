"""A page must be written in its original language only: the admin form and the model agree."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from knowledge.models import ProgrammePage
from tests.factories import (
    LANGUAGES,
    add_single_language_programme,
    create_url,
    programme_form,
    set_admin_language,
)

pytestmark = pytest.mark.django_db

SWEDISH_ONLY = {
    "title_sv": "Grannsamverkan i Brandbergen",
    "slug_sv": "grannsamverkan-i-brandbergen",
    "summary_sv": "Boende håller utkik efter inbrott tillsammans med polisen.",
    "original_language": "sv",
    "country": "SE",
}


def swedish_form(organisation, theme, **overrides):
    """The "add programme" form as a Swedish editor fills it: Swedish only."""
    data = programme_form(organisation, theme, **SWEDISH_ONLY)
    for name in ("title", "slug", "summary", "description"):
        for language in LANGUAGES:
            if language != "sv":
                data[f"{name}_{language}"] = "" if name != "description" else "[]"
    data.pop("goals-0-text_da"), data.pop("goals-0-text_en")
    return data | overrides


@pytest.fixture
def swedish_client(client, swedish_editor):
    set_admin_language(swedish_editor, "sv")
    client.force_login(swedish_editor)
    return client


def test_a_swedish_editor_creates_submits_and_a_moderator_publishes_a_swedish_only_page(
    swedish_client, django_user_model, sections, organisation, theme
):
    section = sections["programmes"]["SE"]
    data = {**swedish_form(organisation, theme), "action-submit": "submit"}
    response = swedish_client.post(create_url(section, ProgrammePage), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ProgrammePage.objects.get(slug_sv=SWEDISH_ONLY["slug_sv"])
    assert not page.title_da and not page.summary_da and not page.title_en

    moderator = django_user_model.objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    swedish_client.force_login(moderator)
    task = page.current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task.pk])
    swedish_client.post(url, {"comment": ""})
    page.refresh_from_db()
    assert page.live
    with translation.override("da"):
        assert swedish_client.get(page.get_url()).status_code == 200


def test_a_new_page_in_the_swedish_section_starts_swedish_and_says_what_is_required(
    swedish_client, sections
):
    response = swedish_client.get(create_url(sections["programmes"]["SE"], ProgrammePage))
    form = response.context["form"]
    assert form["original_language"].value() == "sv"
    required = {name for name, field in form.fields.items() if field.required}
    assert {"title_sv", "slug_sv", "summary_sv"} <= required
    assert not {"title_da", "slug_da", "summary_da", "title_en", "summary_en"} & required
    page = BeautifulSoup(response.content, "html.parser")
    assert "Svenska är sidans originalspråk" in page.get_text()


def test_the_original_languages_title_is_required_with_a_message_in_the_editors_language(
    swedish_client, sections, organisation, theme
):
    data = swedish_form(organisation, theme, title_sv="", summary_da="Et resumé på dansk.")
    response = swedish_client.post(create_url(sections["programmes"]["SE"], ProgrammePage), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert list(errors) == ["title_sv"], errors
    assert "Obligatoriskt. Svenska är sidans originalspråk" in errors["title_sv"][0]
    assert not ProgrammePage.objects.exists()


def test_the_model_requires_the_original_language_and_not_the_default(sections):
    page = add_single_language_programme(sections["programmes"]["SE"], "sv", "Grannsamverkan")
    page.full_clean()  # nothing in Danish, the default language: valid
    page.summary_sv = ""
    with translation.override("en"), pytest.raises(ValidationError) as refused:
        page.full_clean()
    assert list(refused.value.message_dict) == ["summary_sv"]
    assert "Swedish is the page's original language" in refused.value.message_dict["summary_sv"][0]
