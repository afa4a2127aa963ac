"""Country editors work in their own section; moderators approve what they submit."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from knowledge.models import ProgrammePage
from tests.factories import create_url, programme_form

pytestmark = pytest.mark.django_db


@pytest.fixture
def moderator(django_user_model, sections):
    user = django_user_model.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def test_danish_editor_can_open_the_danish_section_but_not_the_swedish(
    client, danish_editor, sections
):
    client.force_login(danish_editor)
    assert client.get(create_url(sections["programmes"]["DK"], ProgrammePage)).status_code == 200
    response = client.get(create_url(sections["programmes"]["SE"], ProgrammePage))
    assert response.status_code in (302, 403)


def test_danish_editor_cannot_edit_a_swedish_page(
    client, danish_editor, sections, organisation, theme
):
    swedish = sections["programmes"]["SE"].add_child(
        instance=ProgrammePage(
            title_da="Svensk",
            title_sv="Svensk",
            title_en="Swedish",
            slug_da="svensk",
            slug_sv="svensk",
            slug_en="swedish",
            summary_da="x",
            summary_sv="x",
            summary_en="x",
            country="SE",
        )
    )
    client.force_login(danish_editor)
    edit_url = reverse("wagtailadmin_pages:edit", args=[swedish.pk])
    assert client.get(edit_url).status_code in (302, 403)
    data = programme_form(organisation, theme, title_sv="Ändrad av fel redaktör")
    client.post(edit_url, {**data, "action-publish": "publish"})
    swedish.refresh_from_db()
    assert swedish.title_sv == "Svensk"


def test_editor_submits_and_moderator_approves_and_publishes(
    client, danish_editor, moderator, sections, organisation, theme
):
    client.force_login(danish_editor)
    data = {**programme_form(organisation, theme), "action-submit": "submit"}
    response = client.post(create_url(sections["programmes"]["DK"], ProgrammePage), data)
    assert response.status_code == 302, response.context["form"].errors
    page = ProgrammePage.objects.get(slug_da="tryg-bolig")
    assert not page.live
    task_state = page.current_workflow_task_state
    assert task_state is not None, "publishing must go through the moderation workflow"

    # The editor may not publish directly.
    client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), {**data, "action-publish": "1"})
    page.refresh_from_db()
    assert not page.live

    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    response = client.post(url, {"comment": ""})
    assert response.status_code in (200, 302)
    page.refresh_from_db()
    assert page.live
    assert page.title_sv == "Tryggt boende"
