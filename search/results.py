"""Runs a search and shapes the answer for the page and the API, in the reader's language."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from elasticsearch.dsl import MultiSearch

from base.content_cache import versioned_key
from base.languages import DEFAULT_LANGUAGE, LANGUAGES, in_language
from knowledge.models import Country, EvidenceLevel, ProgrammePage, Registry
from knowledge.models.evidence import EvidenceStrength
from knowledge.models.implementation import CostBand

from .client import NOT_BUILT, UNAVAILABLE, get_client, multi_search
from .documents import FACETS
from .fallback import database_search
from .indexing import listed_fields
from .params import SLUG_FACETS, SearchParams
from .query import build_did_you_mean, build_facets, build_search, facet_buckets
from .query_translation import translations

PAGE_TYPE_LABELS = {"programme": _("Programme"), "method": _("Method")}


@dataclass
class Result:
    id: int
    type: str
    url: str
    title: str
    titles: dict
    summary: str
    country: list
    original_language: str
    evidence_level: int
    highlight: list = field(default_factory=list)
    #: The language the title and summary are shown in, when not the reader's own.
    shown_language: str = ""


@dataclass
class SearchResults:
    params: SearchParams
    count: int
    results: list
    facets: dict = field(default_factory=dict)
    did_you_mean: str = ""
    engine_available: bool = True
    #: False when there are more hits than `count`, which is then the counting's limit.
    count_exact: bool = True
    #: Elasticsearch's own time for the search (the `took` of its one `_msearch`, ms).
    engine_took: int = 0

    @property
    def count_grouped(self):
        """The count with the reader's language's thousands separator: "10.000", "10 000"."""
        return number_format(self.count, force_grouping=True)

    @property
    def last_page(self):
        return max(1, -(-self.count // self.params.page_size))


def result_from_hit(hit, language):
    source = hit["_source"]
    title, shown = in_language(source, "title", language)
    highlights = hit.get("highlight", {})
    own = [
        text for key, texts in highlights.items() if key.endswith(f"_{language}") for text in texts
    ]
    fragments = own or [text for texts in highlights.values() for text in texts]
    return Result(
        id=source["page_id"],
        type=source["type"],
        url=in_language(source, "url", language).text,
        title=title,
        titles={lang: source.get(f"title_{lang}", "") for lang in LANGUAGES},
        summary=in_language(source, "summary", language).text,
        country=source.get("country", []),
        original_language=source.get("original_language", DEFAULT_LANGUAGE),
        evidence_level=source.get("evidence_level"),
        highlight=fragments[:2],
        shown_language="" if shown == language else shown,
    )


#: How long a taxonomy's names are kept; under the content version, so a renamed term reads anew
#: in every worker at once (base/content_cache.py).
LABELS_SECONDS = 60


def _labels_key(model, language):
    return versioned_key("facet-labels", model._meta.label_lower, language)


def taxonomy_labels(model, language):
    """`{slug: name}` of every term of a taxonomy, by `in_language` (a term has no original).

    Every search labels seven taxonomy facets; cached, that costs no query per search. A
    registry's name is its own, the same in every language (`Registry.name`).
    """
    key = _labels_key(model, language)
    labels = cache.get(key)
    if labels is None:
        if model is Registry:
            labels = dict(model.objects.values_list("slug", "name"))
        else:
            names = [f"name_{lang}" for lang in LANGUAGES]
            labels = {
                row["slug"]: in_language(row, "name", language).text or row["slug"]
                for row in model.objects.values("slug", *names)
            }
        cache.set(key, labels, LABELS_SECONDS)
    return labels


def facet_labels(name, values, language):
    """Human labels for facet values, in the reader's language."""
    with translation.override(language):
        if name in SLUG_FACETS:
            labels = taxonomy_labels(SLUG_FACETS[name], language)
            return {value: labels[value] for value in values if value in labels}
        if name == "evidence_level":
            return {value: str(EvidenceLevel(int(value)).label) for value in values}
        if name == "type":
            return {value: str(PAGE_TYPE_LABELS.get(value, value)) for value in values}
        if name == "country":
            return {value: str(Country(value).label) for value in values}
        if name == "cost_band":
            return {value: str(CostBand(value).label) for value in values}
        if name == "effect_strength":
            return {value: str(EvidenceStrength(value).label) for value in values}
        if name == "status":
            return {value: str(ProgrammePage.Status(value).label) for value in values}
        if name == "prevention":
            choices = {**dict(ProgrammePage.Approach.choices), **dict(ProgrammePage.Level.choices)}
            return {value: str(choices.get(value, value)) for value in values}
        return {value: str(value) for value in values}


def facets_from_response(aggregations, params):
    facets = {}
    for name in FACETS:
        buckets = facet_buckets(aggregations, name, params)
        values = [str(bucket["key"]) for bucket in buckets]
        labels = facet_labels(name, values, params.language)
        chosen = set(params.filters.get(name, []))
        facets[name] = [
            {
                "value": value,
                "label": labels.get(value, value),
                "count": bucket["doc_count"],
                "selected": value in chosen,
            }
            for value, bucket in zip(values, buckets, strict=True)
        ]
    return facets


def run_search(params: SearchParams) -> SearchResults:
    """Search the engine; when it cannot be reached, answer from the database instead.

    The hits and the facet counts are one `_msearch` round trip: Elasticsearch runs the two
    searches side by side, and the site waits once. The facets' search keeps its own
    `request_cache` in its header line, so the shard request cache still keeps its answer.
    """
    index = settings.ELASTICSEARCH_INDEX
    translated = translations(params.q, params.language)
    multi = (
        MultiSearch()
        .add(build_search(params, index, translated))
        .add(build_facets(params, index, translated).params(request_cache=True))
    )
    try:
        (hits, facets), took = multi_search(multi)
    except (*UNAVAILABLE, NOT_BUILT):
        return database_results(params)
    total = hits["hits"]["total"]
    count = total["value"]
    return SearchResults(
        params=params,
        count=count,
        count_exact=total["relation"] == "eq",
        results=[result_from_hit(hit, params.language) for hit in hits["hits"]["hits"]],
        facets=facets_from_response(facets["aggregations"], params),
        did_you_mean=did_you_mean(params.q) if params.q and not count else "",
        engine_took=took,
    )


def with_engine_timing(response, results):
    """The response with Elasticsearch's own time in a `Server-Timing` header (W3C): a
    browser's developer tools and the benchmarks read how much of a search was the engine's."""
    if results.engine_available:
        response["Server-Timing"] = f"es;dur={results.engine_took}"
    return response


def did_you_mean(text):
    """The engine's better spelling of a text that found nothing, or "".

    A separate request, so the searches that find something (nearly all) don't pay for it.
    """
    search = build_did_you_mean(text, settings.ELASTICSEARCH_INDEX)
    try:
        response = get_client().search(index=settings.ELASTICSEARCH_INDEX, body=search.to_dict())
    except (*UNAVAILABLE, NOT_BUILT):
        return ""
    options = response["suggest"]["did_you_mean"][0]["options"]
    return options[0]["text"] if options else ""


def database_results(params):
    count, pages = database_search(params)
    hits = [{"_source": listed_fields(page)} for page in pages]
    results = [result_from_hit(hit, params.language) for hit in hits]
    return SearchResults(params=params, count=count, results=results, engine_available=False)
