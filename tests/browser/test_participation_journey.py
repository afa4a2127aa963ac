"""Visitors take part, and editors and moderators act on it in the admin, as people would.

The mails come from a real SMTP server on the loopback (tests/mail_server.py); the digest is
sent by the worker's round, as in production.
"""

import re
import threading

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.db import connection
from playwright.sync_api import expect
from wagtail.models import Page

from knowledge.models import Organisation, ProgrammePage, Theme
from participation.models import Experience, Follow, Proposal
from search import worker
from tests.factories import add_programme, set_admin_language
from tests.mail_server import body

from .interface import PASSWORD, sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def elsewhere(function, *args, **kwargs):
    """Run `function` in a thread of its own, with its own committing database connection, as
    the worker (another process) and an editor do: the test's own transaction would keep what it
    wrote from the server, and hold the rows it changed locked against the server's requests."""
    outcome = {}

    def run():
        try:
            outcome["value"] = function(*args, **kwargs)
        except BaseException as error:  # re-raised in the test's thread
            outcome["error"] = error
        finally:
            connection.close()

    thread = threading.Thread(target=run)
    thread.start()
    thread.join()
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def remove_what_the_tests_added():
    for page in Page.objects.filter(title_da__in=ADDED_TITLES):
        page.delete()
    for model in (Proposal, Experience, Follow):
        model.objects.all().delete()
    worker.work_once()  # the deleted pages leave the index


@pytest.fixture
def cleaned_up(site_db):
    """Whatever a test added to the shared demo site is gone afterwards, for the tests after."""
    yield
    elsewhere(remove_what_the_tests_added)


ADDED_TITLES = [
    "Night walkers in Helsingborg",
    "Tryghedsvandring i Nyborg",
    "Tryghedsvandring i Svendborg",
]


@pytest.fixture(scope="module")
def moderator(demo_site, django_db_blocker):
    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user("participation-moderator", password=PASSWORD)
        user.groups.add(Group.objects.get(name="Moderators"))
        set_admin_language(user, "en")
    return user


def staff_page(new_context, username):
    page = new_context().new_page()
    page.set_default_timeout(30_000)
    sign_in_as(page, username)
    return page


def test_a_proposal_is_found_by_an_editor_and_published(
    page, new_context, cleaned_up, moderator, smtp, axe
):
    page.goto("/en/participate/propose/")
    axe(page)
    page.get_by_role("button", name="Send the proposal").click()
    summary = page.get_by_role("alert")
    expect(summary).to_contain_text("Please correct the following")
    summary.get_by_role("link", name=re.compile(r"^Title: ")).click()
    expect(page.get_by_label("Title")).to_be_focused()
    axe(page)
    page.get_by_label("Is it a programme or a method?").select_option("programme")
    page.get_by_label("Title").fill("Night walkers in Helsingborg")
    page.get_by_label("What it is").fill("Adults walk the town centre on Friday nights.")
    page.get_by_label("Where").fill("Helsingborg")
    page.get_by_label("Country").select_option("SE")
    page.get_by_label("Who runs it").fill("Helsingborgs stad")
    page.get_by_label("Link to a source").fill("https://helsingborg.se/nattvandring")
    page.get_by_label("Your e-mail address").fill("proposer@example.org")
    page.get_by_label("Send me an e-mail when the page is published").check()
    page.get_by_role("button", name="Send the proposal").click()
    expect(page.get_by_role("status")).to_contain_text("received your proposal")
    assert "Night walkers in Helsingborg" in body(smtp.wait_for(1)[0])

    editor = staff_page(new_context, moderator.username)
    editor.goto("/admin/snippets/participation/proposal/")
    editor.get_by_role("link", name="Night walkers in Helsingborg").first.click()
    editor.get_by_role("link", name="Edit the draft page").click()
    expect(editor.get_by_role("heading", level=1)).to_contain_text("Night walkers in Helsingborg")
    expect(editor.get_by_text("A visitor proposed this page")).to_be_visible()
    # The editor completes what a proposal cannot say: the lead organisation.
    lead = Organisation.objects.order_by("pk").first()
    # The form holds one partner row already (a programme needs at least one).
    editor.get_by_role("button", name=re.compile("^Choose organisation", re.I)).click()
    editor.get_by_role("dialog").get_by_role("link", name=lead.name_en, exact=True).click()
    editor.get_by_label("Role").select_option("lead")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name="Publish", exact=True).click()
    expect(
        editor.get_by_text(re.compile(r"Night walkers in Helsingborg.* has been published"))
    ).to_be_visible()
    assert ProgrammePage.objects.get(title_en="Night walkers in Helsingborg").live

    elsewhere(worker.work_once)
    assert "Night walkers in Helsingborg" in body(smtp.wait_for(2)[1])


def test_an_experience_is_moderated_and_shown_as_a_site(
    page, new_context, cleaned_up, moderator, demo_site
):
    path = demo_site.paths["en"]["programme"]
    page.goto(path)
    page.get_by_role("link", name="Share your experience of running it").click()
    page.get_by_label("Where did you run it?").select_option(label="Östergötland County")
    page.get_by_label("Town or district (optional)").fill("Linköping")
    page.get_by_label("From (year)").fill("2021")
    page.get_by_label("What did you change, and what did you learn?").fill(
        "We met weekly instead of monthly, and the landlords joined."
    )
    page.get_by_role("button", name="Send the experience").click()
    expect(page.get_by_role("status")).to_contain_text("received your experience")

    moderation = staff_page(new_context, moderator.username)
    moderation.goto("/admin/snippets/participation/experience/")
    moderation.get_by_role("link", name=re.compile(r"^Östergötland County: ")).first.click()
    moderation.locator("select[name=status]").select_option("approved")
    moderation.get_by_role("button", name="Save").click()
    expect(moderation.get_by_role("status").first).to_contain_text("submitted for moderation")

    # Approved, but the page's new version waits for its own moderation.
    page.goto(path)
    expect(page.get_by_role("region", name="Where it has run")).to_have_count(0)

    moderation.get_by_role("link", name=re.compile(r"^Östergötland County: ")).first.click()
    title = Page.objects.get(pk=Experience.objects.get().page_id).title_en
    moderation.get_by_role("link", name=title, exact=True).click()
    moderation.get_by_role("button", name="More actions").click()
    moderation.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderation.get_by_role("status").first).to_contain_text("has been updated")

    page.goto(path)
    sites = page.get_by_role("region", name="Where it has run")
    expect(sites).to_contain_text("Östergötland County")
    expect(sites).to_contain_text("the landlords joined")


def test_a_followed_search_sends_a_digest_until_unsubscribed(page, cleaned_up, smtp, settings):
    settings.PARTICIPATION_DIGEST_DAYS = 0
    settings.WORKER_PERIODIC_JOBS = {"digests": ("participation.jobs.weekly_digests", 0)}
    theme = Theme.objects.order_by("slug").first()
    page.goto(f"/en/search/?themes={theme.slug}")
    page.get_by_role("link", name="by e-mail").click()
    page.get_by_label("Your e-mail address").fill("reader@example.org")
    page.get_by_role("button", name="Follow by e-mail").click()
    expect(page.get_by_role("status")).to_contain_text("sent you an e-mail")

    confirmation = smtp.wait_for(1)[0]
    page.goto(mail_path(confirmation, "confirm"))
    page.get_by_role("button", name="Confirm").click()
    expect(page.get_by_role("status")).to_contain_text("Once a week")

    section = ProgrammePage.objects.first().get_parent()
    elsewhere(add_programme, section, title_da="Tryghedsvandring i Nyborg", themes=[theme])
    elsewhere(worker.work_once)
    digest = smtp.wait_for(2)[1]
    assert "Tryghedsvandring i Nyborg" in body(digest)

    page.goto(mail_path(digest, "stop"))
    page.get_by_role("button", name="Stop the e-mails").click()
    expect(page.get_by_role("status")).to_contain_text("no longer follow")
    assert not Follow.objects.exists()
    elsewhere(add_programme, section, title_da="Tryghedsvandring i Svendborg", themes=[theme])
    elsewhere(worker.work_once)
    assert len(smtp.messages) == 2, "a digest after unsubscribing"


def mail_path(message, name):
    return re.search(rf"https?://[^/\s]+(/\S*/follow/{name}/\S+/)", body(message)).group(1)
