"""The fixed frame below the home page: the two index pages, a section per country, editor groups.

Danish and Swedish editors may add and edit pages in their own country's sections only; they
submit for moderation, and Wagtail's "Moderators" group approves and publishes.
"""

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

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


def ensure_editor_groups(sections):
    """One editors' group per country, allowed to add and edit (not publish) its sections."""
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    snippet_permissions = Permission.objects.filter(
        content_type__app_label="knowledge",
        codename__in=[
            f"{action}_{model._meta.model_name}"
            for model in SNIPPET_MODELS
            for action in ("add", "change")
        ],
    )
    for country, name in EDITOR_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=name)
        group.permissions.add(access_admin, *snippet_permissions)
        for kind in sections:
            for permission_type in ("add", "change"):
                GroupPagePermission.objects.get_or_create(
                    group=group,
                    page=sections[kind][country],
                    permission=Permission.objects.get(
                        content_type__app_label="wagtailcore", codename=f"{permission_type}_page"
                    ),
                )
