"""The rating instrument: the level must agree with the studies, a second reviewer approves a
changed rating, and the page shows the profile, the studies and the history."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import translation

from knowledge.compare.table import build_comparison
from knowledge.models import EvidenceLevel, ProgrammePage
from knowledge.models.review import EVIDENCE_REVIEWERS, RatingRecord
from tests.factories import (
    TWO_ROBUST_STUDIES,
    create_url,
    programme_form,
    rating_form,
    set_admin_language,
)

pytestmark = pytest.mark.django_db

BEFORE_AND_AFTER = {
    "citation": "Kommunens evaluering 2022",
    "design": "before_after",
    "sms_level": "2",
    "place": "Herning",
    "direction": "intended",
}
EMMIE = {
    "effect": ("Færre indbrud i de boligområder, der var med.", "strong"),
    "mechanism": ("Naboer holder øje og griber ind.", "moderate"),
}


@pytest.fixture
def reviewer(django_user_model, sections):
    user = django_user_model.objects.create_user("reviewer", password="pw")
    user.groups.add(Group.objects.get(name=EVIDENCE_REVIEWERS))
    return user


@pytest.fixture
def moderator(django_user_model, sections):
    user = django_user_model.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


def post_new(client, sections, data):
    return client.post(create_url(sections["programmes"]["DK"], ProgrammePage), data)


@pytest.mark.parametrize(
    ("language", "words"),
    [("en", "needs at least one robust study"), ("da", "kræver mindst ét robust studie")],
)
def test_effective_is_refused_without_a_robust_study(
    admin_client, admin_user, sections, organisation, theme, language, words
):
    set_admin_language(admin_user, language)
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE, [BEFORE_AND_AFTER]
    )
    response = post_new(admin_client, sections, data)
    assert response.status_code == 200, "a level its studies do not support must not be saved"
    assert not ProgrammePage.objects.exists()
    with translation.override(language):
        [message] = [str(m) for m in response.context["form"].errors["evidence_level"]]
    assert words in message


def test_replicated_needs_two_places(admin_client, sections, organisation, theme):
    same_place = [dict(study, place="Herning") for study in TWO_ROBUST_STUDIES]
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE_REPLICATED, same_place
    )
    assert post_new(admin_client, sections, data).status_code == 200
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE_REPLICATED, TWO_ROBUST_STUDIES
    )
    assert post_new(admin_client, sections, data).status_code == 302


def test_a_changed_rating_cannot_be_published_past_the_review(
    admin_client, sections, organisation, theme
):
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE, TWO_ROBUST_STUDIES, **EMMIE
    )
    response = post_new(admin_client, sections, {**data, "action-publish": "publish"})
    assert response.status_code == 302
    page = ProgrammePage.objects.get()
    assert not page.live, "a superuser may not publish a rating no second reviewer has seen"
    assert page.get_latest_revision_as_object().evidence_level == EvidenceLevel.EFFECTIVE


def test_a_second_reviewer_approves_and_the_page_shows_the_rating(
    client, danish_editor, moderator, reviewer, sections, organisation, theme
):
    client.force_login(danish_editor)
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE, TWO_ROBUST_STUDIES, **EMMIE
    )
    assert post_new(client, sections, {**data, "action-submit": "submit"}).status_code == 302
    page = ProgrammePage.objects.get()

    client.force_login(moderator)
    approve(client, page)  # the moderator is no evidence reviewer
    page.refresh_from_db()
    assert not page.live, "the rating waits for the evidence reviewer first"

    client.force_login(reviewer)
    approve(client, page)
    page.refresh_from_db()
    assert not page.live, "after the evidence review, the moderators publish"

    client.force_login(moderator)
    approve(client, page)
    page.refresh_from_db()
    assert page.live
    [record] = RatingRecord.objects.filter(page=page)
    assert (record.rated_by, record.reviewed_by) == ("editor", "evidence_reviewer")
    assert (record.best_design, record.robust_studies, record.places) == (5, 2, 2)

    with translation.override("en"):
        html = client.get(page.get_url()).content.decode()
    evidence = html[html.index('class="evidence') : html.index('id="cite-heading"')]
    assert "Maryland scale 5 – random assignment" in evidence
    assert "Lind 2023" in evidence and "Andersen &amp; Berg 2021" in evidence
    assert "EMMIE profile" in evidence and "Evidence: Strong" in evidence
    assert '<dd lang="da">Naboer holder øje og griber ind.</dd>' in evidence
    assert "by an evidence reviewer" in evidence and "by an editor" in evidence


def test_the_author_cannot_approve_their_own_rating(
    client, django_user_model, moderator, sections, organisation, theme
):
    author = django_user_model.objects.create_user("author-reviewer", password="pw")
    author.groups.add(*Group.objects.filter(name__in=["Editors – Denmark", EVIDENCE_REVIEWERS]))
    client.force_login(author)
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE, TWO_ROBUST_STUDIES
    )
    post_new(client, sections, {**data, "action-submit": "submit"})
    page = ProgrammePage.objects.get()
    task_state = ProgrammePage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    client.post(url, {"comment": ""})  # refused: the admin sends them back to its dashboard
    page.refresh_from_db()
    assert not page.live
    task_state.refresh_from_db()
    assert task_state.status == "in_progress"


def test_a_change_that_keeps_the_rating_needs_no_evidence_review(
    client, danish_editor, moderator, sections, organisation, theme
):
    client.force_login(danish_editor)
    post_new(client, sections, {**programme_form(organisation, theme), "action-submit": "1"})
    page = ProgrammePage.objects.get()
    client.force_login(moderator)
    approve(client, page)
    page.refresh_from_db()
    assert page.live


def test_compare_shows_the_rating_and_the_implementation_rows(
    admin_client, sections, organisation, theme, reviewer
):
    data = programme_form(organisation, theme) | rating_form(
        EvidenceLevel.EFFECTIVE, TWO_ROBUST_STUDIES, **EMMIE
    )
    data |= {
        "cost_band": "medium",
        "cost_unit": "participant",
        "cost_amount": "12000",
        "cost_currency": "DKK",
        "cost_year": "2024",
        "staffing_da": "To betjente",
        "readiness": "with_support",
    }
    assert post_new(admin_client, sections, data).status_code == 302
    page = ProgrammePage.objects.get()
    page.get_latest_revision().publish()
    with translation.override("en"):
        comparison = build_comparison([ProgrammePage.objects.get()])
        cells = {row.key: row.cells[0].plain() for row in comparison.rows}
    assert cells["cost"] == "Medium 12,000 DKK per participant (2024)"
    assert cells["staffing"] == "To betjente (in Danish)"
    assert "Best study design: 5 – random assignment" in cells["rating"]
    assert "Effect (Strong)" in cells["rating"]
    assert "support" in cells["readiness"]


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_how_we_rate_is_published_in_three_languages(client, language):
    with translation.override(language):
        url = reverse("how-we-rate")
        html = client.get(url).content.decode()
        effective = str(EvidenceLevel.EFFECTIVE.label)
    assert url.startswith(f"/{language}/")
    assert f'<html lang="{language}">' in html
    assert effective in html and "Maryland" in html and "EMMIE" in html


def approve(client, page):
    """Approve the page's current task as the logged-in user (the page read afresh: Wagtail
    keeps the task state it read on the instance)."""
    task_state = ProgrammePage.objects.get(pk=page.pk).current_workflow_task_state
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    return client.post(url, {"comment": ""})
