"""The fixed frame below the home page: the two index pages, a section per country, editor groups.

Danish and Swedish editors may add and edit pages in their own country's sections only; they
submit for moderation, and Wagtail's "Moderators" group approves and publishes. A changed rating
then waits for the "Evidence reviewers" (knowledge/models/review.py).

Organisations and sources are shown on both countries' pages, so an editor may add one but only
a moderator may change or delete it. Permissions rather than moderation of the snippets: an
edit to a snippet is live at once on every page that shows it, and moderation (Wagtail's
DraftStateMixin, RevisionMixin and a workflow) would mean draft rows that every query reading
them must leave out (pages, the index, open data); a permission is one rule, in one place.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission, Workflow, WorkflowTask

from ..models import (
    Area,
    Arena,
    CountrySectionPage,
    MethodIndexPage,
    Organisation,
    ProgrammeIndexPage,
    Source,
    TargetGroup,
    Theme,
)
from ..models.review import EVIDENCE_REVIEWERS, MODERATORS, EvidenceReviewTask

INDEXES = {
    "programmes": (
        ProgrammeIndexPage,
        {"da": "Programmer", "sv": "Program", "en": "Programmes"},
        {"da": "programmer", "sv": "program", "en": "programmes"},
    ),
    "methods": (
        MethodIndexPage,
        {"da": "Metoder", "sv": "Metoder", "en": "Methods"},
        {"da": "metoder", "sv": "metoder", "en": "methods"},
    ),
}

COUNTRIES = {
    "DK": ({"da": "Danmark", "sv": "Danmark", "en": "Denmark"}, "danmark", "denmark"),
    "SE": ({"da": "Sverige", "sv": "Sverige", "en": "Sweden"}, "sverige", "sweden"),
}

EDITOR_GROUPS = {"DK": "Editors – Denmark", "SE": "Editors – Sweden"}
SNIPPET_MODELS = [Theme, TargetGroup, Arena, Organisation, Area, Source]
#: Shown on both countries' pages: changed or deleted by moderators only.
SHARED_SNIPPET_MODELS = [Organisation, Source]


def _titles(names):
    return {f"title_{lang}": name for lang, name in names.items()}


def ensure_sections(home, create_page):
    """Index pages and country sections, created when missing; keyed by kind and country."""
    sections = {}
    for kind, (model, names, slugs) in INDEXES.items():
        index = model.objects.first() or create_page(
            home, model(**_titles(names), **{f"slug_{k}": v for k, v in slugs.items()})
        )
        sections[kind] = {}
        for country, (country_names, slug_local, slug_en) in COUNTRIES.items():
            section = CountrySectionPage.objects.child_of(index).filter(country=country).first()
            if section is None:
                slugs = {"slug_da": slug_local, "slug_sv": slug_local, "slug_en": slug_en}
                section = create_page(
                    index, CountrySectionPage(country=country, **_titles(country_names), **slugs)
                )
            sections[kind][country] = section
    return sections


def snippet_permissions(models, actions):
    return Permission.objects.filter(
        content_type__app_label="knowledge",
        codename__in=[f"{a}_{model._meta.model_name}" for model in models for a in actions],
    )


def ensure_editor_groups(sections):
    """One editors' group per country, allowed to add and edit (not publish) its sections.

    Also the moderators' rights on the shared snippets; run again, it takes from the editors'
    groups the rights an earlier version gave them on those.
    """
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    own = [model for model in SNIPPET_MODELS if model not in SHARED_SNIPPET_MODELS]
    editors_snippets = [
        *snippet_permissions(own, ("add", "change")),
        *snippet_permissions(SHARED_SNIPPET_MODELS, ("add",)),
    ]
    shared_changes = snippet_permissions(SHARED_SNIPPET_MODELS, ("change", "delete"))
    moderators, _created = Group.objects.get_or_create(name=MODERATORS)
    moderators.permissions.add(*snippet_permissions(SHARED_SNIPPET_MODELS, ("add",)))
    moderators.permissions.add(*shared_changes)
    for country, name in EDITOR_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.remove(*shared_changes)
        group.permissions.add(access_admin, *editors_snippets)
        for kind in sections:
            for permission_type in ("add", "change"):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=sections[kind][country],
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                    ),
                )
    ensure_evidence_review(access_admin, sections)


def ensure_evidence_review(access_admin, sections):
    """The evidence reviewers' group and its task, first in the moderation workflow that
    Wagtail's migrations made (or in a new one when there is none): the moderators, who may
    publish, approve last. Reviewers may open every section's pages, as approving needs."""
    reviewers, _created = Group.objects.get_or_create(name=EVIDENCE_REVIEWERS)
    reviewers.permissions.add(access_admin)
    change = Permission.objects.get(content_type__app_label="wagtailcore", codename="change_page")
    for kind in sections:
        for section in sections[kind].values():
            GroupPagePermission.objects.get_or_create(
                group=reviewers, page=section, permission=change
            )
    task = EvidenceReviewTask.objects.filter(name="Evidence review").first()
    if task is None:
        task = EvidenceReviewTask.objects.create(name="Evidence review")
        task.groups.set([reviewers])
    workflow = Workflow.objects.filter(active=True).order_by("pk").first()
    if workflow is None:
        workflow = Workflow.objects.create(name="Moderation")
    if not WorkflowTask.objects.filter(workflow=workflow, task=task).exists():
        for step in WorkflowTask.objects.filter(workflow=workflow).order_by("-sort_order"):
            step.sort_order = (step.sort_order or 0) + 1
            step.save(update_fields=["sort_order"])
        WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
