"""Write once, in Swedish, and be found from both countries (issue 12's "Done when").

A Swedish editor, with the admin in Swedish, writes a programme in Swedish only, has the Danish
translation drafted by machine, and submits it; a moderator approves it; then a Danish and an
English search find it. Nothing drains the indexing queue by hand.
"""

import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from django.utils.text import capfirst
from playwright.sync_api import expect

from base.languages import language_name
from knowledge.models import CountrySectionPage, ProgrammePage
from tests.factories import set_admin_language

from .interface import PASSWORD, sign_in_as, translated

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Grannsamverkan mot inbrott i Brandbergen"
SUMMARY = (
    "Boende i Brandbergen håller utkik efter inbrott i sina grannars hem tillsammans med "
    "polisen och kommunen, genom grannsamverkan i varje trappuppgång."
)
#: A Danish and an English reader's words for what the Swedish page is about.
SEARCHES = {"da": "nabohjælp mod indbrud", "en": "neighbourhood watch against burglary"}


@pytest.fixture(scope="module")
def staff(demo_site, django_db_blocker):
    """A Swedish editor whose admin speaks Swedish, and a moderator, committed for the server."""
    users = {}
    with django_db_blocker.unblock():
        for username, group, language in [
            ("sv-writer", "Editors – Sweden", "sv"),
            ("approver", "Moderators", "en"),
        ]:
            user = get_user_model().objects.create_user(username, password=PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            set_admin_language(user, language)
            users[username] = user
    return users


def sv(text):
    return translated("sv", text)


def labelled(name):
    """An admin label as the Swedish editor reads it, "*" after it or not (required)."""
    return re.compile(f"^{re.escape(capfirst(sv(name)))}\\s*\\*?$")


def field_label(name, language):
    """The label of a translated field (the admin adds the language, in brackets)."""
    return re.compile(f"^{re.escape(capfirst(sv(name)))} \\[{language}\\]\\s*\\*?$")


def write_swedish_programme(editor, section):
    editor.goto(f"/admin/pages/add/knowledge/programmepage/{section.pk}/")
    language = editor.get_by_role("combobox", name=labelled("original language"))
    expect(language).to_have_value("sv")  # a new page in the Swedish section starts Swedish
    editor.get_by_role("button", name="sv", exact=True).first.click()  # the Swedish fields
    editor.get_by_role("textbox", name=field_label("title", "sv")).fill(TITLE)
    editor.get_by_role("textbox", name=field_label("summary", "sv")).fill(SUMMARY)
    editor.get_by_role("combobox", name=labelled("country")).select_option("SE")
    partners = editor.get_by_role("region", name=labelled("Partners"))
    partners.get_by_role("button", name=re.compile(f"^{sv('Choose')} ")).first.click()
    dialog = editor.get_by_role("dialog")
    dialog.get_by_role("link", name="Haninge kommun", exact=True).click()
    partners.get_by_role("combobox", name=labelled("role")).select_option("lead")
    editor.get_by_role("button", name=sv("Save draft")).click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))


def draft_danish_by_machine(editor):
    with translation.override("sv"):
        offer = sv("Draft a %(target)s translation from %(source)s") % {
            "target": language_name("da").lower(),
            "source": language_name("sv").lower(),
        }
    editor.get_by_role("link", name=offer).click()
    editor.get_by_role("button", name=sv("Draft the translation")).click()
    expect(editor).to_have_url(re.compile(r"/admin/pages/\d+/edit/$"))
    drafted = ProgrammePage.objects.get(title_sv=TITLE).get_latest_revision_as_object()
    assert drafted.title_da and drafted.summary_da, "the machine draft filled no Danish text"
    assert set(drafted.machine_drafts["da"]) >= {"title", "summary"}


def submit_for_moderation(editor):
    editor.get_by_role("button", name=sv("More actions")).click()
    submit = re.escape(sv("Submit to %(workflow_name)s") % {"workflow_name": ""})
    editor.get_by_role("button", name=re.compile(f"^{submit}")).click()
    submitted = sv("Page '%(page_title)s' has been submitted for moderation.") % {
        "page_title": TITLE
    }
    expect(editor.get_by_role("status")).to_contain_text(submitted)
    editor.close()  # nothing autosaves over what the moderator reviews


def approve(moderator):
    moderator.get_by_role("link", name=TITLE, exact=True).first.click()
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.get_by_role("status")).to_contain_text(TITLE)


def test_a_swedish_only_programme_is_drafted_in_danish_approved_and_found(
    page, new_context, demo_site, staff, site_db
):
    section = CountrySectionPage.objects.get(
        country="SE", depth=4, url_path_en__contains="/programmes/"
    )
    editor = new_context().new_page()
    editor.set_default_timeout(30_000)
    sign_in_as(editor, "sv-writer", PASSWORD)
    write_swedish_programme(editor, section)
    draft_danish_by_machine(editor)
    submit_for_moderation(editor)

    moderator = new_context().new_page()
    moderator.set_default_timeout(30_000)
    sign_in_as(moderator, "approver", PASSWORD)
    approve(moderator)

    programme = ProgrammePage.objects.get(title_sv=TITLE)
    assert programme.live and programme.original_language == "sv"
    assert not programme.title_en and not programme.summary_en
    for language, query in SEARCHES.items():
        with translation.override(language):
            url = programme.get_url()
        page.goto(f"/{language}/search/?q={query}")
        results = page.get_by_role("region", name=re.compile(r"^\d+ (resultat(er)?|results?)$"))
        expect(results.locator(f'a[href="{url}"]'), f"{language}: {query}").to_be_visible()
