"""An approved experience becomes an implementation site of its page, through the page's
moderation, and never carries the sender's address to the public page."""

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Revision, WorkflowState

from knowledge.models import Area, ProgrammePage
from participation.models import Experience
from participation.sites import Outcome
from tests.factories import set_admin_language, term

pytestmark = pytest.mark.django_db

TEXT = "Vi kortede møderne ned og inviterede boligforeningen med."


@pytest.fixture
def aarhus(db):
    return term(
        Area, "aarhus", "Aarhus Kommune", "Aarhus kommun", "Aarhus Municipality",
        kind="municipality", country="DK",
    )  # fmt: skip


@pytest.fixture
def moderator(django_user_model, sections):
    """A member of Wagtail's Moderators: may edit and publish pages, and decide on experiences."""
    user = django_user_model.objects.create_user("moderator", password="pw")
    user.groups.add(Group.objects.get(name="Moderators"))
    set_admin_language(user, "en")
    return user


@pytest.fixture
def moderation(client, moderator):
    client.force_login(moderator)
    return client


def sent(client, page, area, **changes):
    """The experience as a visitor sends it, through the public form."""
    with translation.override("da"):
        url = reverse("participation:experience", args=[page.pk])
    started = client.get(url).context["form"]["started"].value()
    data = {
        "started": started,
        "website": "",
        "area": area.pk,
        "place": "Gellerup",
        "organisation": "Aarhus Kommune, SSP",
        "start_year": "2021",
        "end_year": "2023",
        "text": TEXT,
        "email": "anna@example.org",
    }
    response = client.post(url, data | changes)
    assert response.status_code == 302, response.context["form"].errors
    return Experience.objects.get()


def approve(client, experience, **changes):
    """The moderator sets the experience to approved in the admin and saves."""
    data = {
        "area": experience.area_id,
        "organisation": experience.organisation,
        "start_year": experience.start_year,
        "end_year": experience.end_year or "",
        "text": experience.text,
        "status": "approved",
    }
    url = reverse("wagtailsnippets_participation_experience:edit", args=[experience.pk])
    return client.post(url, data | changes, follow=True)


def said(response, outcome):
    """Whether the admin told the moderator (in English) what became of the site."""
    with translation.override("en"):
        return escape(str(outcome.value)) in response.text


def latest(page):
    return ProgrammePage.objects.get(pk=page.pk).get_latest_revision_as_object()


def live(page):
    return ProgrammePage.objects.get(pk=page.pk)


def finish_moderation(page, user):
    """Every task of the page's workflow approved, as the reviewers would; the last publishes."""
    while (state := live(page).current_workflow_task_state) is not None:
        state.task.specific.on_action(state, user, "approve")


def test_approval_submits_a_revision_with_the_site_and_publishing_shows_it(
    client, moderation, pages, aarhus, moderator, django_user_model
):
    page = pages["da"]
    experience = sent(client, page, aarhus)
    assert not live(page).implementation_sites.exists()

    response = approve(moderation, experience)
    assert said(response, Outcome.SUBMITTED)
    experience.refresh_from_db()
    assert experience.revision == live(page).latest_revision
    [site] = latest(page).implementation_sites.all()
    assert (site.area, site.start_year, site.end_year) == (aarhus, 2021, 2023)
    assert (site.organisation_name, site.learnt_da, site.contact) == (
        "Aarhus Kommune, SSP",
        TEXT,
        "",
    )
    assert "anna@example.org" not in str(experience.revision.content)
    assert live(page).workflow_in_progress, "the site goes through the page's moderation"
    assert not live(page).implementation_sites.exists(), "nothing public before moderation"
    assert TEXT not in client.get(page.url).text

    reviewer = django_user_model.objects.create_superuser("reviewer", password="pw")
    finish_moderation(page, reviewer)
    assert live(page).implementation_sites.get().learnt_da == TEXT
    sites = client.get(page.url).text
    sites = sites[sites.index('class="sites"') :]
    assert "Aarhus Kommune" in sites and "2021–2023" in sites and TEXT in sites
    assert "anna@example.org" not in sites
    assert Experience.objects.get().site_is_live


def test_an_editors_unpublished_draft_survives_the_approval(
    client, moderation, pages, aarhus, danish_editor
):
    page = pages["da"]
    draft = live(page)
    draft.summary_da = "Redaktørens nye resumé, ikke udgivet endnu."
    draft.save_revision(user=danish_editor)
    experience = sent(client, page, aarhus)

    response = approve(moderation, experience)

    assert said(response, Outcome.DRAFT)
    newest = latest(page)
    assert newest.summary_da == "Redaktørens nye resumé, ikke udgivet endnu."
    assert [site.learnt_da for site in newest.implementation_sites.all()] == [TEXT]
    assert not live(page).workflow_in_progress, "an editor's draft is not submitted for them"
    assert live(page).summary_da == "Politiet forebygger indbrud med nabohjælp."


def test_a_page_in_moderation_takes_the_site_into_its_workflow(
    client, moderation, pages, aarhus, danish_editor, moderator
):
    page = pages["da"]
    draft = live(page)
    draft.summary_da = "Sendt til godkendelse."
    draft.save_revision(user=danish_editor)
    draft.get_workflow().start(draft, danish_editor)
    experience = sent(client, page, aarhus)

    response = approve(moderation, experience)

    assert said(response, Outcome.JOINED)
    assert WorkflowState.objects.for_instance(live(page)).count() == 1
    finish_moderation(page, moderator)
    published = live(page)
    assert published.summary_da == "Sendt til godkendelse."
    assert [site.learnt_da for site in published.implementation_sites.all()] == [TEXT]


def test_saving_an_approved_experience_again_adds_no_second_site(client, moderation, pages, aarhus):
    experience = sent(client, pages["da"], aarhus)
    approve(moderation, experience)
    revisions = Revision.objects.count()
    approve(moderation, experience, text=TEXT + " Rettet.")
    assert Revision.objects.count() == revisions
    assert len(latest(pages["da"]).implementation_sites.all()) == 1


def test_a_moderator_who_may_not_edit_the_page_cannot_approve(
    client, pages, aarhus, swedish_editor
):
    """Editors – Sweden may change experiences here, but not edit a Danish page."""
    swedish_editor.user_permissions.add(
        Permission.objects.get(codename="change_experience"),
        Permission.objects.get(codename="view_experience"),
    )
    set_admin_language(swedish_editor, "en")
    experience = sent(client, pages["da"], aarhus)
    client.force_login(swedish_editor)
    response = approve(client, experience)
    assert "You may not edit the page" in response.text
    experience.refresh_from_db()
    assert (experience.status, experience.revision) == ("pending", None)
    assert not latest(pages["da"]).implementation_sites.all()


def test_an_experience_without_an_area_cannot_be_approved(client, moderation, pages, aarhus):
    """One sent before the form asked for an area: the moderator must choose one first."""
    experience = sent(client, pages["da"], aarhus)
    Experience.objects.filter(pk=experience.pk).update(area=None)
    response = approve(moderation, experience, area="")
    assert response.context["form"].errors["area"]
    assert Experience.objects.get().revision is None


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"area": ""}, "area"),
        ({"area": "999999"}, "area"),
        ({"area": "Aarhus"}, "area"),
        ({"start_year": "2022", "end_year": "2020"}, "end_year"),
    ],
)
def test_the_admin_checks_an_experience_by_the_sites_rules(
    client, moderation, pages, aarhus, changes, field
):
    experience = sent(client, pages["da"], aarhus)
    response = approve(moderation, experience, **changes)
    assert response.context["form"].errors[field]
    assert Experience.objects.get().status == "pending"


def test_a_page_whose_draft_fails_its_checks_takes_no_site(
    client, moderation, pages, aarhus, danish_editor
):
    """Nothing is half done: the experience stays waiting and the page has no new version."""
    page = pages["da"]
    draft = live(page)
    draft.summary_da = ""  # required in the page's original language
    draft.save_revision(user=danish_editor, clean=False)
    experience = sent(client, page, aarhus)
    revisions = Revision.objects.count()

    response = approve(moderation, experience)

    assert response.status_code == 200
    assert "does not pass its own checks" in response.text
    assert (Experience.objects.get().status, Revision.objects.count()) == ("pending", revisions)
