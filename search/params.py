"""Search parameters from a URL, validated: what the query builder is allowed to see.

Every facet value is checked against the values that exist, so an unknown value is a clear 400
for the visitor instead of an empty page or an engine error.
"""

from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from knowledge.models import (
    Area,
    Arena,
    EvidenceLevel,
    Organisation,
    ProgrammePage,
    TargetGroup,
    Theme,
)

from .documents import FACETS

MAX_QUERY_LENGTH = 300
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
#: Elasticsearch will not page past this many hits; deeper pages are refused, not attempted.
MAX_RESULT_WINDOW = 10_000
SORTS = ("relevance", "newest", "evidence")

SLUG_FACETS = {
    "areas": Area,
    "themes": Theme,
    "target_groups": TargetGroup,
    "arenas": Arena,
    "organisations": Organisation,
}
FIXED_FACETS = {
    "type": {"programme", "method"},
    "country": {"DK", "SE"},
    "evidence_level": {str(level.value) for level in EvidenceLevel},
    "status": set(ProgrammePage.Status.values),
    "prevention": {"social", "situational", *ProgrammePage.Level.values},
}


@dataclass(frozen=True)
class SearchParams:
    q: str = ""
    language: str = "da"
    filters: dict = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    page_size: int = DEFAULT_PAGE_SIZE

    @property
    def offset(self):
        return (self.page - 1) * self.page_size


class SearchForm(forms.Form):
    q = forms.CharField(
        required=False,
        max_length=MAX_QUERY_LENGTH,
        strip=True,
        error_messages={
            "max_length": _("The search text is too long: use at most %(limit_value)d characters.")
        },
    )
    lang = forms.ChoiceField(required=False, choices=settings.LANGUAGES)
    sort = forms.ChoiceField(required=False, choices=[(s, s) for s in SORTS])
    page = forms.IntegerField(required=False, min_value=1)
    page_size = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)

    def __init__(self, data, language):
        super().__init__(data)
        self.language = language
        self.raw_filters = {name: data.getlist(name) for name in FACETS if data.getlist(name)}

    def clean(self):
        cleaned = super().clean()
        page, size = cleaned.get("page") or 1, cleaned.get("page_size") or DEFAULT_PAGE_SIZE
        if page * size > MAX_RESULT_WINDOW:
            raise ValidationError(
                _("Results can be paged up to number %(limit)d; narrow the search instead."),
                params={"limit": MAX_RESULT_WINDOW},
            )
        for name, values in self.raw_filters.items():
            unknown = sorted(set(values) - allowed_values(name, values))
            if unknown:
                self.add_error(
                    None,
                    _("Unknown value for the filter “%(facet)s”: %(values)s")
                    % {"facet": name, "values": ", ".join(unknown)},
                )
        return cleaned

    def params(self):
        data = self.cleaned_data
        return SearchParams(
            q=data.get("q") or "",
            language=data.get("lang") or self.language,
            filters={name: sorted(set(values)) for name, values in self.raw_filters.items()},
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or DEFAULT_PAGE_SIZE,
        )


def allowed_values(facet, values):
    """Which of `values` exist for `facet` (one query for a taxonomy facet, none otherwise)."""
    if facet in SLUG_FACETS:
        slugs = [value for value in values if "\x00" not in value]  # PostgreSQL refuses NUL
        return set(SLUG_FACETS[facet].objects.filter(slug__in=slugs).values_list("slug", flat=True))
    if facet == "years":
        return {value for value in values if value.isdigit() and 1900 <= int(value) <= 2100}
    return FIXED_FACETS[facet]
