"""The overview's counts: one Elasticsearch request, one filtered aggregation per place shown.

A place ("scope") is a set of search filters, the very `SearchParams.filters` the search page
takes, turned into a query by the search's own `filters_except`. So each count here is the number
of results the search page gives for the same filters, and a link to that search shows them.
"""

from dataclasses import dataclass, field

from django.conf import settings
from elasticsearch.dsl import Q, Search

from knowledge.models import EvidenceLevel, ProgrammePage

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

    def search_filters(self, **more):
        """The filters of a search narrowed further (`more` replaces a facet's values)."""
        return {**PROGRAMMES, **self.filters, **more}


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


def scope_filter(scope):
    return Q("bool", filter=filters_except(SearchParams(filters=scope.search_filters())))


def build_overview(scopes, index):
    """The request: no hits, and per scope the buckets every section of the page needs."""
    search = Search(index=index).extra(size=0, track_total_hits=False)
    for number, scope in enumerate(scopes):
        bucket = search.aggs.bucket(f"scope_{number}", "filter", filter=scope_filter(scope))
        themes = bucket.bucket("themes", "terms", field="themes", size=TERMS_SIZE)
        themes.bucket("levels", "terms", field="evidence_level", size=len(EvidenceLevel))
        bucket.bucket("levels", "terms", field="evidence_level", size=len(EvidenceLevel))
        years = bucket.bucket("years", "terms", field="years", size=TERMS_SIZE)
        years.bucket("status", "terms", field="status", size=len(ProgrammePage.Status))
        bucket.bucket("without_years", "missing", field="years")
        bucket.bucket("organisations", "terms", field="organisations", size=TERMS_SIZE)
    return search


def _counts(buckets):
    return {bucket["key"]: bucket["doc_count"] for bucket in buckets}


def counts_from_response(aggregation):
    return ScopeCounts(
        total=aggregation["doc_count"],
        matrix={
            bucket["key"]: _counts(bucket["levels"]["buckets"])
            for bucket in aggregation["themes"]["buckets"]
        },
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
    return [counts_from_response(aggregations[f"scope_{n}"]) for n in range(len(scopes))]
