"""A country's editor cannot touch the other country's pages, nor publish without moderation.

tests/knowledge/test_editorial_workflow.py covers opening and editing; this adds the actions
that change what the public sees: publish, unpublish, delete, move.
"""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.permission_policies import ModelPermissionPolicy

from knowledge.models import Organisation, ProgrammePage, Source
from tests.factories import add_programme

pytestmark = pytest.mark.django_db

SNIPPETS = {
    Organisation: {"name_da": "Region Skåne", "slug": "region-skane", "kind": "region"},
    Source: {"title": "Rapport", "slug": "rapport"},
}


@pytest.fixture
def swedish_page(sections):
    return add_programme(
        sections["programmes"]["SE"],
        title_da="Svensk",
        title_sv="Svensk",
        summary_da="x",
        country="SE",
    )


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("wagtailadmin_pages:unpublish", {}),
        ("wagtailadmin_pages:delete", {}),
        ("wagtailadmin_pages:revisions_index", None),
    ],
)
def test_danish_editor_cannot_unpublish_or_delete_a_swedish_page(
    client, danish_editor, swedish_page, name, data
):
    client.force_login(danish_editor)
    url = reverse(name, args=[swedish_page.pk])
    response = client.get(url) if data is None else client.post(url, data)
    assert response.status_code in (302, 403)
    page = ProgrammePage.objects.get(pk=swedish_page.pk)
    assert page.live


def test_danish_editor_cannot_move_a_page_into_the_swedish_section(client, danish_editor, sections):
    danish = add_programme(
        sections["programmes"]["DK"], title_da="Dansk", summary_da="x", country="DK"
    )
    client.force_login(danish_editor)
    target = sections["programmes"]["SE"]
    url = reverse("wagtailadmin_pages:move_confirm", args=[danish.pk, target.pk])
    response = client.post(url)
    assert response.status_code in (302, 403)
    assert (
        ProgrammePage.objects.get(pk=danish.pk).get_parent().pk == sections["programmes"]["DK"].pk
    )


def test_danish_editor_cannot_publish_even_in_the_danish_section(danish_editor, sections):
    page = add_programme(
        sections["programmes"]["DK"], title_da="Dansk", summary_da="x", country="DK"
    )
    permissions = page.permissions_for_user(danish_editor)
    assert permissions.can_edit() and not permissions.can_publish()
    assert not permissions.can_unpublish() and not permissions.can_delete()


@pytest.mark.parametrize("kind", ["programmes", "methods"])
def test_swedish_editor_adds_and_edits_in_the_swedish_sections_only(swedish_editor, sections, kind):
    swedish, danish = sections[kind]["SE"], sections[kind]["DK"]
    assert swedish.permissions_for_user(swedish_editor).can_add_subpage()
    assert not danish.permissions_for_user(swedish_editor).can_add_subpage()
    assert not danish.get_parent().permissions_for_user(swedish_editor).can_add_subpage()


def test_swedish_editor_edits_a_swedish_page_but_cannot_publish_it(swedish_editor, swedish_page):
    permissions = swedish_page.permissions_for_user(swedish_editor)
    assert permissions.can_edit() and not permissions.can_publish()
    assert not permissions.can_unpublish() and not permissions.can_delete()


@pytest.mark.parametrize(
    ("name", "method"),
    [
        ("wagtailadmin_pages:edit", "get"),
        ("wagtailadmin_pages:unpublish", "post"),
        ("wagtailadmin_pages:delete", "post"),
    ],
)
def test_swedish_editor_cannot_edit_unpublish_or_delete_a_danish_page(
    client, swedish_editor, sections, name, method
):
    danish = add_programme(
        sections["programmes"]["DK"], title_da="Dansk", summary_da="x", country="DK"
    )
    client.force_login(swedish_editor)
    response = getattr(client, method)(reverse(name, args=[danish.pk]))
    assert response.status_code in (302, 403)
    assert ProgrammePage.objects.get(pk=danish.pk).live


@pytest.mark.parametrize("model", [Organisation, Source])
def test_only_moderators_change_what_both_countries_pages_show(
    client, django_user_model, danish_editor, model
):
    """An organisation or a source is shown on both countries' pages: a country's editor may add
    one, but changing or deleting it is for the moderators."""
    snippet = model.objects.create(**SNIPPETS[model])
    url = reverse(f"wagtailsnippets_knowledge_{model._meta.model_name}:edit", args=[snippet.pk])
    client.force_login(danish_editor)
    assert client.get(url).status_code != 200
    assert client.get(url.replace("/edit/", "/delete/")).status_code != 200
    policy = ModelPermissionPolicy(model)
    assert policy.user_has_permission(danish_editor, "add")
    moderator = django_user_model.objects.create_user("moderator", password="pw")
    moderator.groups.add(Group.objects.get(name="Moderators"))
    client.force_login(moderator)
    assert client.get(url).status_code == 200
    assert policy.user_has_permission(moderator, "delete")
