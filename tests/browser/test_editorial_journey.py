"""A Swedish editor changes a Swedish summary, a moderator publishes it, and search finds it.

Nothing drains the indexing queue by hand: publishing in the admin queues the page and the queue
is drained when that request's transaction commits, in the server, as in production.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from playwright.sync_api import expect

from search.models import IndexTask
from tests.factories import set_admin_language

from .interface import PASSWORD, sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PROGRAMME = "Brottsförebyggande forum 2024"
#: A word no demo page contains, so only the edited summary can match it.
NEW_WORD = "nattvandrare"
NEW_SUMMARY_SENTENCE = f"Sedan hösten deltar även {NEW_WORD} från Handen i forumets arbete."


@pytest.fixture(scope="module")
def staff(demo_site, django_db_blocker):
    """A Swedish editor and a moderator, committed so that the live server sees them."""
    users = {}
    with django_db_blocker.unblock():
        for username, group in [("sv-editor", "Editors – Sweden"), ("moderator", "Moderators")]:
            user = get_user_model().objects.create_user(username, password=PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            set_admin_language(user, "en")
            users[username] = user
    return users


def public_search(page, query):
    page.goto(f"/sv/search/?q={query}")
    return page.get_by_role("region", name=re.compile(r"^\d+ (resultat|results?)$"))


def test_swedish_edit_is_moderated_published_and_found(page, new_context, demo_site, staff):
    assert public_search(page, NEW_WORD).get_by_role("listitem").count() == 0

    editor = new_context().new_page()
    editor.set_default_timeout(30_000)
    sign_in_as(editor, "sv-editor", PASSWORD)
    editor.goto(f"/admin/pages/search/?q={PROGRAMME}")
    editor.get_by_role("link", name=PROGRAMME, exact=True).first.click()
    expect(editor.get_by_role("heading", level=1)).to_contain_text(PROGRAMME)
    editor.get_by_role("button", name="sv", exact=True).first.click()  # show the Swedish fields
    summary = editor.get_by_role("textbox", name="Summary [sv]")
    summary.fill(f"{summary.input_value()} {NEW_SUMMARY_SENTENCE}")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name=re.compile(r"^Submit to .*Moderators")).click()
    expect(editor.get_by_role("status")).to_contain_text("submitted for moderation")

    # Submitted, not yet public.
    assert public_search(page, NEW_WORD).get_by_role("listitem").count() == 0

    moderator = new_context().new_page()
    moderator.set_default_timeout(30_000)
    sign_in_as(moderator, "moderator", PASSWORD)
    # The dashboard lists what awaits the moderator's review.
    moderator.get_by_role("link", name=PROGRAMME, exact=True).first.click()
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.get_by_role("status")).to_contain_text(PROGRAMME)

    assert IndexTask.objects.count() == 0, "publishing left page changes in the indexing queue"
    found = public_search(page, NEW_WORD)
    expect(found.get_by_role("link", name=PROGRAMME, exact=True)).to_be_visible()
    expect(found).to_contain_text(NEW_WORD)
