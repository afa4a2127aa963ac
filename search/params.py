"""Search parameters from a URL, validated: what the query builder is allowed to see.

The query parameters are DRF serializers, so the search page, the API and the API's OpenAPI
schema (drf-spectacular, `search/schema.py`) are one definition: what the schema allows, the
code accepts, and the other way round. Every facet value is checked against the values that
exist, so an unknown value is a clear 400 for the visitor instead of an empty page or an
engine error. An empty value (`?themes=`, `?page=`) is refused like any other value that is
not one of the allowed ones; the schema says the same.
"""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.validators import (
    MaxLengthValidator,
    ProhibitNullCharactersValidator,
    RegexValidator,
)
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from knowledge.models import (
    Area,
    Arena,
    EvidenceLevel,
    Organisation,
    ProgrammePage,
    Registry,
    TargetGroup,
    Theme,
)
from knowledge.models.evidence import EvidenceStrength
from knowledge.models.implementation import CostBand

from .documents import FACETS

MAX_QUERY_LENGTH = 300
MAX_PAGE_SIZE = 50
DEFAULT_PAGE_SIZE = 10
#: Elasticsearch will not page past this many hits; deeper pages are refused, not attempted.
MAX_RESULT_WINDOW = 10_000
#: The last page that can be asked for, at any page size: the window's end at the largest.
MAX_PAGE = MAX_RESULT_WINDOW // MAX_PAGE_SIZE
SORTS = ("relevance", "newest", "evidence")
YEARS = (1900, 2100)

SLUG_FACETS = {
    "areas": Area,
    "site_areas": Area,
    "registries": Registry,
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
    "cost_band": set(CostBand.values),
    "effect_strength": set(EvidenceStrength.values),
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


class WholeNumberField(serializers.IntegerField):
    """A whole number written in the digits 0–9 only.

    `int()` also reads the digits of other scripts ("٢٠٢٠" is 2020), and `str.isdigit()` is
    true for "²", which `int()` refuses; neither belongs in a URL's number.
    """

    def to_internal_value(self, data):
        text = str(data)
        if not (text.isascii() and text.isdigit()):
            self.fail("invalid")
        return super().to_internal_value(text)


class SearchText(serializers.CharField):
    """The `q` field: its length is checked as typed, the spaces around it dropped later.

    A NUL character is refused, as DRF does (PostgreSQL, which the fallback search asks,
    cannot hold one), by a pattern instead of DRF's check, so that the schema says so too.
    """

    def __init__(self):
        too_long = _("The search text is too long: use at most %(limit_value)d characters.")
        super().__init__(
            required=False,
            allow_blank=True,
            trim_whitespace=False,
            validators=[MaxLengthValidator(MAX_QUERY_LENGTH, message=too_long)],
            help_text="Words in any of the three languages; empty lists everything.",
        )
        no_nul = ProhibitNullCharactersValidator.message
        self.validators = [
            *(v for v in self.validators if not isinstance(v, ProhibitNullCharactersValidator)),
            # "+", not "*": an empty text never reaches the validators, and the schema offers it
            # as an alternative of its own (oneOf), which the empty string must not also match.
            RegexValidator(r"^[^\x00]+$", message=no_nul),
        ]


#: What a facet filters by, where its name alone does not say it (the schema's descriptions).
FACET_MEANINGS = {
    "site_areas": "an area the page has run in (an implementation site there or in a part of it)",
    "registries": "another registry that rated the page",
    "effect_strength": "the strength of the evidence on the effect (EMMIE)",
}


class FacetValues(serializers.ListField):
    """The values of one facet, the parameter repeated (`?themes=a&themes=b`): OR within it."""

    def __init__(self, facet, child):
        self.facet = facet
        meaning = FACET_MEANINGS.get(facet, facet)
        super().__init__(
            child=child,
            required=False,
            help_text=f"Filter by {meaning}; repeat the parameter for several values.",
        )

    def to_internal_value(self, data):
        return sorted({str(value) for value in super().to_internal_value(data)})


class TermSlugs(FacetValues):
    """The slugs of taxonomy terms that exist (one query); the schema lists them."""

    def __init__(self, facet):
        super().__init__(facet, serializers.CharField())

    def to_internal_value(self, data):
        values = super().to_internal_value(data)
        known = SLUG_FACETS[self.facet].objects.filter(slug__in=values)
        unknown = sorted(set(values) - set(known.values_list("slug", flat=True)))
        if unknown:
            raise serializers.ValidationError(
                _("Unknown value: %(values)s") % {"values": ", ".join(unknown)}
            )
        return values


def facet_field(facet):
    if facet in SLUG_FACETS:
        return TermSlugs(facet)
    if facet == "years":
        return FacetValues(facet, WholeNumberField(min_value=YEARS[0], max_value=YEARS[1]))
    return FacetValues(facet, serializers.ChoiceField(choices=sorted(FIXED_FACETS[facet])))


class SuggestQuery(serializers.Serializer):
    """`/api/search/suggest/?q=...&lang=...`."""

    q = SearchText()
    lang = serializers.ChoiceField(
        required=False,
        choices=settings.LANGUAGES,
        help_text="The reader's language for titles, labels and highlights.",
    )


class SearchQuery(SuggestQuery):
    """`/<lang>/search/` and `/api/search/`: the text, the facets' filters, order and page."""

    sort = serializers.ChoiceField(required=False, choices=SORTS)
    page = WholeNumberField(
        required=False,
        min_value=1,
        max_value=MAX_PAGE,
        error_messages={
            "max_value": _("Results can be paged up to page {max_value}; narrow the search.")
        },
    )
    page_size = WholeNumberField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)

    def get_fields(self):
        return {**super().get_fields(), **{name: facet_field(name) for name in FACETS}}

    def search_params(self, language):
        data = self.validated_data
        return SearchParams(
            q=data.get("q", "").strip(),
            language=data.get("lang") or language,
            filters={name: data[name] for name in FACETS if data.get(name)},
            sort=data.get("sort") or "relevance",
            page=data.get("page") or 1,
            page_size=data.get("page_size") or DEFAULT_PAGE_SIZE,
        )


def query_data(query):
    """A request's query string as the serializers read it: every value of a facet, else the
    last one. A plain dict: DRF would take an empty value in a QueryDict for no value at all."""
    return {name: query.getlist(name) if name in FACETS else query[name] for name in query}


def error_messages(errors):
    """DRF's errors as sentences naming their parameter: "page: A valid integer is required."."""

    def texts(problems):
        if isinstance(problems, dict):
            return [text for value in problems.values() for text in texts(value)]
        if isinstance(problems, list):
            return [text for value in problems for text in texts(value)]
        return [str(problems)]

    return [
        message if name == "non_field_errors" else f"{name}: {message}"
        for name, problems in errors.items()
        for message in texts(problems)
    ]
