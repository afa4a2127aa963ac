"""An editor rates a programme, the form refuses a level its studies do not support, a moderator
and then a second reviewer approve, and the page, the comparison and its exports show it.

The programme is the test's own (demo pages stay "not yet evaluated"): a draft in the Danish
section, removed again at the end so the other browser tests see the demo site unchanged.
"""

import csv
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation
from openpyxl import load_workbook
from playwright.sync_api import expect

from knowledge.models import (
    CountrySectionPage,
    Organisation,
    ProgrammeIndexPage,
    ProgrammePage,
    ProgrammePartner,
)
from knowledge.models.review import EVIDENCE_REVIEWERS
from tests.factories import add_page, programme, set_admin_language, slugs

from .interface import PASSWORD, sign_in_as

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

TITLE = "Tryghedsvandring i Herning"


@pytest.fixture(scope="module")
def draft(demo_site, django_db_blocker):
    """A Danish programme, never published, and the three people who rate and review it."""
    with django_db_blocker.unblock():
        section = CountrySectionPage.objects.child_of(ProgrammeIndexPage.objects.get()).get(
            country="DK"
        )
        page = programme(title_da=TITLE, **slugs("tryghedsvandring"))
        lead = Organisation.objects.filter(country="DK").first()
        page.partners = [ProgrammePartner(organisation=lead, role="lead")]
        page = add_page(section, page, publish=False)
        for username, group in [
            ("dk-rater", "Editors – Denmark"),
            ("dk-moderator", "Moderators"),
            ("evidence-reviewer", EVIDENCE_REVIEWERS),
        ]:
            user = get_user_model().objects.create_user(username, password=PASSWORD)
            user.groups.add(Group.objects.get(name=group))
            set_admin_language(user, "en")
    yield page
    with django_db_blocker.unblock():
        ProgrammePage.objects.get(pk=page.pk).delete()
        get_user_model().objects.filter(
            username__in=["dk-rater", "dk-moderator", "evidence-reviewer"]
        ).delete()


def study(editor, number, citation, sms, place, direction):
    editor.get_by_role("button", name="Add Studies").click()
    prefix = f"#id_studies-{number}-"
    editor.locator(f"{prefix}citation").fill(citation)
    editor.locator(f"{prefix}design").select_option("quasi_experiment" if sms < 5 else "rct")
    editor.locator(f"{prefix}sms_level").select_option(str(sms))
    editor.locator(f"{prefix}place").fill(place)
    editor.locator(f"{prefix}outcome_da").fill("Anmeldte indbrud")
    editor.locator(f"{prefix}direction").select_option(direction)


def test_editor_rates_second_reviewer_approves_page_and_compare_show_it(
    new_context, demo_site, draft, tmp_path
):
    editor = signed_in(new_context, "dk-rater")
    editor.goto(f"/admin/pages/{draft.pk}/edit/")
    editor.locator("#id_evidence_level").select_option(label="Effective")
    study(editor, 0, "Kommunens egen evaluering 2022", 2, "Herning", "intended")
    editor.locator("#id_emmie_effect_da").fill("Færre indbrud i de gader, der var med.")
    editor.locator("#id_emmie_effect_strength").select_option("moderate")
    editor.locator("#id_emmie_mechanism_da").fill("Beboerne ser hinanden og griber ind.")
    editor.locator("#id_emmie_mechanism_strength").select_option("limited")
    editor.get_by_role("button", name="Save draft").click()
    expect(editor.locator("body")).to_contain_text(
        "needs at least one robust study (Maryland 3 or higher) that found the intended effect"
    )

    editor.locator("#id_studies-0-sms_level").select_option("3")
    study(editor, 1, "Lind 2023", 5, "Linköping", "intended")
    editor.get_by_role("button", name="More actions").click()
    editor.get_by_role("button", name=re.compile(r"^Submit to ")).click()
    expect(editor.get_by_role("status")).to_contain_text("submitted for moderation")

    reviewer = signed_in(new_context, "evidence-reviewer")
    reviewer.goto(f"/admin/pages/{draft.pk}/edit/")
    reviewer.get_by_role("button", name="More actions").click()
    reviewer.get_by_role("button", name="Approve", exact=True).click()
    expect(reviewer.get_by_role("status")).to_contain_text(TITLE)
    assert not ProgrammePage.objects.get(pk=draft.pk).live, "the moderators publish"

    moderator = signed_in(new_context, "dk-moderator")
    moderator.goto(f"/admin/pages/{draft.pk}/edit/")
    moderator.get_by_role("button", name="More actions").click()
    moderator.get_by_role("button", name="Approve and Publish", exact=True).click()
    expect(moderator.get_by_role("status")).to_contain_text(TITLE)

    reader = new_context().new_page()
    live = ProgrammePage.objects.get(pk=draft.pk)
    assert live.live
    with translation.override("en"):
        reader.goto(live.get_url())
    evidence = reader.get_by_role("region", name="Evidence")
    expect(evidence).to_contain_text("Effective")
    expect(evidence).to_contain_text("Maryland scale 5 – random assignment")
    expect(evidence).to_contain_text("Lind 2023")
    expect(evidence).to_contain_text("Kommunens egen evaluering 2022")
    expect(evidence.get_by_role("heading", name="EMMIE profile")).to_be_visible()
    expect(evidence).to_contain_text("Evidence: Moderate")
    expect(evidence.get_by_role("heading", name="Rating history")).to_be_visible()
    expect(evidence).to_contain_text("by an evidence reviewer")

    reader.goto(f"/en/compare/?ids={draft.pk}")
    table = reader.get_by_role("table")
    expect(table.get_by_role("rowheader", name="Study designs and EMMIE profile")).to_be_visible()
    expect(table).to_contain_text("Effect (Moderate): Færre indbrud")

    with reader.expect_download() as download_info:
        reader.get_by_role("link", name=re.compile("CSV")).click()
    path = tmp_path / "compare.csv"
    download_info.value.save_as(path)
    rows = {row[0]: row[1] for row in csv.reader(io.StringIO(path.read_text("utf-8-sig")))}
    assert "Best study design: 5 – random assignment" in rows["Study designs and EMMIE profile"]

    with reader.expect_download() as download_info:
        reader.get_by_role("link", name=re.compile("Excel")).click()
    path = tmp_path / "compare.xlsx"
    download_info.value.save_as(path)
    sheet = load_workbook(path).active
    labels = [row[0] for row in sheet.iter_rows(values_only=True)]
    assert "Study designs and EMMIE profile" in labels


def signed_in(new_context, username):
    page = new_context().new_page()
    page.set_default_timeout(30_000)
    sign_in_as(page, username)
    return page
