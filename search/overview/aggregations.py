"""The overview's counts: one Elasticsearch request, one filtered aggregation per place shown.

A place ("scope") is a set of search filters, the very `SearchParams.filters` the search page
takes, turned into a query by the search's own `filters_except`. So each count here is the number
of results the search page gives for the same filters, and a link to that search shows them.

"Already run here" counts the programmes with an implementation site in the place, wherever they
come from (a Danish programme run in Östergötland counts for Östergötland): its own filter,
`Scope.here_filters`, not the place's programmes narrowed further.
"""

from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch.dsl import Q, Search

from knowledge.models import EvidenceLevel, ProgrammePage
from knowledge.models.evidence import EvidenceStrength
from knowledge.models.implementation import CostBand

from ..client import get_client
from ..params import SearchParams
from ..query import filters_except

#: Enough buckets for every theme, year or organisation of a place; the index is small.
TERMS_SIZE = 1000
#: Only programmes are run somewhere by someone: methods have no areas, status or partners.
PROGRAMMES = {"type": ["programme"]}


@dataclass(frozen=True)
class Scope:
    """One column of the overview: a label and the search filters that define it."""

    key: str
    label: str
    filters: dict
    #: The slugs of the areas that are this place, for "already run here"; none: not counted.
    here: tuple = ()

    def search_filters(self, **more):
        """The filters of a search narrowed further (`more` replaces a facet's values)."""
        return {**PROGRAMMES, **self.filters, **more}

    def here_filters(self, **more):
        """The programmes that have run in this place, of the chosen theme if there is one."""
        theme = {"themes": self.filters["themes"]} if "themes" in self.filters else {}
        return {**PROGRAMMES, **theme, "site_areas": list(self.here), **more}


@dataclass
class ScopeCounts:
    total: int = 0
    #: theme slug → evidence level → number of programmes
    matrix: dict = field(default_factory=dict)
    #: evidence level → number of programmes (each counted once, whatever its themes)
    levels: dict = field(default_factory=dict)
    #: year → status → number of programmes active that year
    years: dict = field(default_factory=dict)
    without_years: int = 0
    #: organisation slug → number of programmes it takes part in
    organisations: dict = field(default_factory=dict)
    #: theme slug → strength of the evidence on the effect (EMMIE) → number of programmes
    strengths: dict = field(default_factory=dict)
    #: theme slug → cost band → number of programmes
    costs: dict = field(default_factory=dict)
    #: theme slug → number of programmes, from anywhere, that have run in the place
    run_here: dict = field(default_factory=dict)
    #: area slug → number of the place's programmes that have run there
    site_areas: dict = field(default_factory=dict)


def as_query(filters):
    return Q("bool", filter=filters_except(SearchParams(filters=filters)))


def scope_filter(scope):
    return as_query(scope.search_filters())


def build_overview(scopes, index):
    """The request: no hits, and per scope the buckets every section of the page needs."""
    search = Search(index=index).extra(size=0, track_total_hits=False)
    for number, scope in enumerate(scopes):
        bucket = search.aggs.bucket(f"scope_{number}", "filter", filter=scope_filter(scope))
        themes = bucket.bucket("themes", "terms", field="themes", size=TERMS_SIZE)
        themes.bucket("levels", "terms", field="evidence_level", size=len(EvidenceLevel))
        themes.bucket("strengths", "terms", field="effect_strength", size=len(EvidenceStrength))
        themes.bucket("costs", "terms", field="cost_band", size=len(CostBand))
        bucket.bucket("levels", "terms", field="evidence_level", size=len(EvidenceLevel))
        years = bucket.bucket("years", "terms", field="years", size=TERMS_SIZE)
        years.bucket("status", "terms", field="status", size=len(ProgrammePage.Status))
        bucket.bucket("without_years", "missing", field="years")
        bucket.bucket("organisations", "terms", field="organisations", size=TERMS_SIZE)
        bucket.bucket("site_areas", "terms", field="site_areas", size=TERMS_SIZE)
        if scope.here:
            here = search.aggs.bucket(
                f"here_{number}", "filter", filter=as_query(scope.here_filters())
            )
            here.bucket("themes", "terms", field="themes", size=TERMS_SIZE)
    return search


def _counts(buckets):
    return {bucket["key"]: bucket["doc_count"] for bucket in buckets}


def _by_theme(aggregation, name):
    """`{theme: {value: count}}` of a sub-aggregation of the themes, leaving out empty themes."""
    return {
        bucket["key"]: _counts(bucket[name]["buckets"])
        for bucket in aggregation["themes"]["buckets"]
        if bucket[name]["buckets"]
    }


def counts_from_response(aggregation, here=None):
    """A scope's counts from its aggregation, and from its "already run here" one (if any)."""
    return ScopeCounts(
        total=aggregation["doc_count"],
        matrix=_by_theme(aggregation, "levels"),
        strengths=_by_theme(aggregation, "strengths"),
        costs=_by_theme(aggregation, "costs"),
        run_here=_counts(here["themes"]["buckets"]) if here else {},
        site_areas=_counts(aggregation["site_areas"]["buckets"]),
        levels=_counts(aggregation["levels"]["buckets"]),
        years={
            bucket["key"]: _counts(bucket["status"]["buckets"])
            for bucket in aggregation["years"]["buckets"]
        },
        without_years=aggregation["without_years"]["doc_count"],
        organisations=_counts(aggregation["organisations"]["buckets"]),
    )


def run_overview(scopes):
    """The counts of every scope, in order. Raises the client's errors when the engine is down."""
    search = build_overview(scopes, settings.ELASTICSEARCH_INDEX)
    response = get_client().search(index=settings.ELASTICSEARCH_INDEX, body=search.to_dict())
    aggregations = response["aggregations"]
    return [
        counts_from_response(aggregations[f"scope_{n}"], aggregations.get(f"here_{n}"))
        for n in range(len(scopes))
    ]
