"""From validated search parameters to an Elasticsearch query: pure, testable by `to_dict()`.

The user's text is only ever passed as the text of match queries, never parsed as query syntax,
so `title:x OR (` is searched as words.

A search is two searches, sent together in one `_msearch` (results.run_search). The hits come
from one with every chosen filter and a total counted exactly only up to `TOTAL_HITS_LIMIT`, so
that Elasticsearch may skip the documents that cannot reach the top of the list instead of
scoring every match. The facet counts come from a size-0 search on the text alone, whose
aggregations are filtered by every other chosen facet (picking a theme keeps the counts of the
other themes visible); asking for no hits, it needs no scores, and the shard request cache keeps
its answer until the index next refreshes, so a popular search's counts are read, not counted
again.
"""

from elasticsearch.dsl import Q, Search

from base.languages import LANGUAGES

from .documents import FACETS, HIGHLIGHTED, TEXT_FIELDS
from .params import MAX_RESULT_WINDOW, SearchParams

FACET_SIZE = 50
#: Hits are counted exactly up to here; beyond, the total reads "10,000+". The same as the
#: deepest hit that can be paged to (params.MAX_RESULT_WINDOW), so every page stays reachable.
TOTAL_HITS_LIMIT = MAX_RESULT_WINDOW
#: The aggregation holding the facets no filter is chosen on.
SHARED_FACETS = "unchosen"
SORTS = {
    "relevance": ["_score", {"last_published_at": "desc"}],
    "newest": [{"last_published_at": "desc"}, "_score"],
    "evidence": [{"evidence_level": "desc"}, "_score"],
}
#: What a result list needs of a hit: the page body stays in the index.
LISTED_FIELDS = [
    "page_id",
    "type",
    "country",
    "original_language",
    "evidence_level",
    *[f"{field}_{language}" for field in ("title", "summary", "url") for language in LANGUAGES],
]
#: The typo-tolerant clause needs every word of a short query and most of a long one.
MINIMUM_SHOULD_MATCH = "2<75%"


#: How much the other languages' scores add to the best language's (a translated page).
LANGUAGE_TIE_BREAKER = 0.3


def language_fields(language):
    return [f"{field}_{language}^{boost}" for field, boost in TEXT_FIELDS.items()]


def exact_clause(text):
    """Stemmed words and their thesaurus synonyms, in each language's fields taken together.

    Per language the title, summary, tags and body are scored as one field (`combined_fields`),
    so a page that has the query's words spread over its title and body beats one that has
    a few of them in its title; the best language counts, the others a little.
    """
    return Q(
        "dis_max",
        queries=[
            Q("combined_fields", query=text, fields=language_fields(language))
            for language in LANGUAGES
        ],
        tie_breaker=LANGUAGE_TIE_BREAKER,
    )


def phrase_clause(text):
    """The words in this order in a title or summary, in any language: a name, a set phrase.

    Weighted as the fields are (`TEXT_FIELDS`): a name in a title is worth more than in a
    summary, which the scores of the page's words taken together (`exact_clause`) do not say.
    """
    phrased = ("title", "summary")
    return Q(
        "multi_match",
        query=text,
        fields=[f"{field}_{lang}^{TEXT_FIELDS[field]}" for field in phrased for lang in LANGUAGES],
        type="phrase",
        boost=2,
    )


def text_query(text, translations=()):
    """Every language at once: stemmed with the thesaurus, folded with typos, and as a phrase.

    `translations` are the text in other languages (`query_translation`); each is searched as
    the text is, word by word and as a phrase, so a page in the other language gets the same
    chances as a page in the reader's own.
    """
    return Q(
        "bool",
        should=[
            *(
                clause
                for phrasing in (text, *translations)
                for clause in (exact_clause(phrasing), phrase_clause(phrasing))
            ),
            Q(
                "match",
                spell={
                    "query": text,
                    "fuzziness": "AUTO",
                    "prefix_length": 1,
                    "minimum_should_match": MINIMUM_SHOULD_MATCH,
                    "boost": 0.6,
                },
            ),
        ],
        minimum_should_match=1,
    )


def facet_filter(name, values):
    return Q(
        "terms",
        **{name: [int(v) for v in values] if name in {"evidence_level", "years"} else values},
    )


def filters_except(params, excluded=None):
    return [
        facet_filter(name, values) for name, values in params.filters.items() if name != excluded
    ]


def highlight(text, language):
    """Fragments with the words that matched exactly (with their synonyms), the reader's first.

    Each field gets a query on itself alone: one query over all twelve fields, rewritten for
    every field of every hit, cost more than the search did. Only the exact words are marked;
    highlighting the typo-tolerant clause costs seconds per page of hits.
    """
    fields = [
        f"{field}_{lang}" for field in HIGHLIGHTED for lang in dict.fromkeys([language, *LANGUAGES])
    ]
    return {
        "encoder": "html",
        "pre_tags": ["<mark>"],
        "post_tags": ["</mark>"],
        "fragment_size": 180,
        "number_of_fragments": 2,
        "fields": {name: {"highlight_query": {"match": {name: text}}} for name in fields},
    }


def add_facets(search, params, chosen):
    """Counts for every facet: the facets nobody chose share one filter (every chosen value);
    a chosen facet is counted under the other facets' choices only, so its alternatives stay
    visible. One filter per chosen facet, not one per facet, is what Elasticsearch evaluates.
    """
    shared = search.aggs.bucket(SHARED_FACETS, "filter", filter=Q("bool", filter=chosen))
    for name in FACETS:
        if name in params.filters:
            others = filters_except(params, excluded=name)
            facet = search.aggs.bucket(name, "filter", filter=Q("bool", filter=others))
            facet.bucket("values", "terms", field=name, size=FACET_SIZE)
        else:
            shared.bucket(name, "terms", field=name, size=FACET_SIZE)


def facet_buckets(aggregations, name, params):
    """The buckets of one facet in an answer to `build_facets`."""
    if name in params.filters:
        return aggregations[name]["values"]["buckets"]
    return aggregations[SHARED_FACETS][name]["buckets"]


def build_search(params: SearchParams, index: str, translations=()) -> Search:
    """The hits of one page of results, with their total (exact up to TOTAL_HITS_LIMIT)."""
    search = Search(index=index)
    if params.q:
        search = search.query(text_query(params.q, translations))
    chosen = filters_except(params)
    if chosen:
        search = search.filter(Q("bool", filter=chosen))
    if params.q:
        search = search.extra(highlight=highlight(params.q, params.language))
    search = search.sort(*SORTS[params.sort])
    search = search.extra(track_total_hits=TOTAL_HITS_LIMIT)
    search = search.source(LISTED_FIELDS)
    return search[params.offset : params.offset + params.page_size]


def build_facets(params: SearchParams, index: str, translations=()) -> Search:
    """The counts of every facet's values for the text and the chosen filters: no hits."""
    search = Search(index=index)
    if params.q:
        search = search.filter(text_query(params.q, translations))
    add_facets(search, params, filters_except(params))
    return search.extra(size=0, track_total_hits=False)


def build_did_you_mean(text: str, index: str) -> Search:
    """A better spelling of the text from the indexed words; asked only when nothing matched."""
    suggestion = {
        "field": "spell",
        "size": 1,
        "direct_generator": [{"field": "spell", "suggest_mode": "always", "prefix_length": 0}],
    }
    return Search(index=index).suggest("did_you_mean", text, phrase=suggestion).extra(size=0)


def build_suggest(text: str, index: str, size: int = 8) -> Search:
    """Titles that start like the text typed so far, in any language."""
    query = Q(
        "multi_match",
        query=text,
        type="bool_prefix",
        fields=["suggest", "suggest._2gram", "suggest._3gram"],
    )
    return Search(index=index).query(query).source(LISTED_FIELDS)[:size]


def build_similar(page_id: int, countries: list, index: str, size: int = 4) -> Search:
    """Pages like this one from across the border: similar text and themes, any language.

    `countries` are the countries to look in (Sweden for a Danish page, and so on).
    """
    like = Q(
        "more_like_this",
        fields=[f"{field}_{lang}" for field in ("summary", "body", "tags") for lang in LANGUAGES],
        like=[{"_index": index, "_id": str(page_id)}],
        min_term_freq=1,
        min_doc_freq=1,
        max_query_terms=40,
    )
    query = Q("bool", must=[like], filter=[Q("terms", country=countries)])
    return Search(index=index).query(query).source(LISTED_FIELDS)[:size]
