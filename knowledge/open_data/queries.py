"""Which pages open data shows, and what to fetch with them.

Only live pages outside any private section are ever shown. A listing fetches every relation a
record reads in one query per relation, so its cost does not grow with the number of pages.
"""

from django.db.models import Prefetch

from base.visibility import publicly_visible

from ..models import (
    ExternalRating,
    ImplementationSite,
    MethodPage,
    PageSource,
    ProgrammePage,
    ProgrammePartner,
)


def published(model):
    """Live pages of a type that anyone may see (the view restrictions are read now)."""
    return publicly_visible(model.objects)


def _prefetches(model):
    common = [
        "themes",
        "studies",
        "rating_records",
        Prefetch(
            "external_ratings",
            queryset=ExternalRating.objects.select_related("registry_label__registry"),
        ),
        Prefetch(
            "implementation_sites",
            queryset=ImplementationSite.objects.select_related("area", "organisation"),
        ),
        Prefetch("source_links", queryset=PageSource.objects.select_related("source")),
    ]
    if model is ProgrammePage:
        return [
            *common,
            "goals",
            "target_groups",
            "arenas",
            "areas",
            Prefetch("partners", queryset=ProgrammePartner.objects.select_related("organisation")),
            Prefetch(
                "methods",
                queryset=published(MethodPage).order_by("pk"),
                to_attr="published_methods",
            ),
        ]
    return [
        *common,
        Prefetch(
            "programmes",
            queryset=published(ProgrammePage).order_by("pk"),
            to_attr="published_programmes",
        ),
    ]


def with_relations(queryset):
    """The queryset with everything `page_record` reads prefetched."""
    return queryset.prefetch_related(*_prefetches(queryset.model))


def published_with_relations(model):
    """Every published page of the type, oldest id first: the order of the exports."""
    return with_relations(published(model).order_by("pk"))
