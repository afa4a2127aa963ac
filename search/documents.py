"""The shape of the search index: one document per programme or method page.

Every text exists once per language, folded (`search.folding`: "æresrelateret" and
"aeresrelateret" are one word) and analysed with that language's stemmer (`danish`, `swedish`,
`english`). At query time each language field also expands the thesaurus (synonym rules inline in
the search analyzers), so a query in one language meets the words of the others. Titles,
summaries and tags of every language are also copied, folded (å/ä/æ → a, ö/ø → o), into one
`spell` field: typos and missing diacritics are forgiven there, in one field rather than twelve,
which keeps the typo-tolerant clause cheap. Facets are keywords. The names of the areas a page
has run in (its implementation sites) are among its tags, so "Östergötland" finds what has run
there; `site_areas` is the same as a facet.
"""

from django.conf import settings
from elasticsearch.dsl import (
    Date,
    Index,
    Integer,
    Keyword,
    Mapping,
    SearchAsYouType,
    Text,
    analyzer,
    token_filter,
)

from base.languages import LANGUAGES

from .compounds import MIN_PART
from .folding import FOLDED_STOP_WORDS

LANGUAGE_NAMES = {"da": "danish", "sv": "swedish", "en": "english"}

#: Text fields per language, and how much a match in each counts (title above summary above body).
TEXT_FIELDS = {"title": 4.0, "summary": 2.0, "tags": 1.5, "body": 1.0}
#: The fields a result shows matches from; their postings keep offsets, so Elasticsearch's
#: unified highlighter reads the positions instead of analysing each hit's text again.
HIGHLIGHTED = ["title", "summary", "body"]
#: The fields copied into `spell`: what "did you mean" may propose and typos are forgiven in.
SPELLED_FIELDS = {"title", "summary", "tags"}

#: Facets: the keyword field behind each, in the order the search page shows them.
FACETS = [
    "type",
    "country",
    "areas",
    "site_areas",
    "themes",
    "target_groups",
    "arenas",
    "prevention",
    "evidence_level",
    "effect_strength",
    "registries",
    "cost_band",
    "status",
    "organisations",
    "years",
]

folded = analyzer("bro_folded", tokenizer="standard", filter=["lowercase", "asciifolding"])


def thesaurus_filter(rules):
    """The thesaurus as a synonym filter; `rules` are Solr-format lines ("a, b, c")."""
    return token_filter(
        "bro_thesaurus", "synonym_graph", synonyms=rules or ["bro, bro"], lenient=True
    )


def decompounder(language, parts):
    """Lucene's dictionary decompounder on stems (`search.compounds`); none for English.

    It comes last, after the stemmer: the thesaurus before it reads whole words, and
    Elasticsearch parses the synonym rules with the filters before the synonym filter.
    """
    if language not in parts:
        return []
    words = parts[language] or ["bro"]
    return [
        token_filter(
            f"bro_{language}_compounds",
            "dictionary_decompounder",
            word_list=words,
            min_subword_size=MIN_PART,
        )
    ]


def stop_words(language, name):
    """The language's stop words, and the folded forms of those with æ/ø/å/ä/ö."""
    stop = [token_filter(f"bro_{language}_stop", "stop", stopwords=f"_{name}_")]
    if language in FOLDED_STOP_WORDS:
        folded_stop = FOLDED_STOP_WORDS[language]
        stop.append(token_filter(f"bro_{language}_folded_stop", "stop", stopwords=folded_stop))
    return stop


def language_chain(language, parts, thesaurus=None):
    """The language's analyzer as Elasticsearch builds it in, plus the thesaurus (at query
    time, before stemming) and the decompounder; index and query text go through the same
    stemmer and decompounder, so their parts meet. Everything is folded first
    (`search.folding`): a word typed without its æ/ø/å/ä/ö is the same word, for the thesaurus
    (whose rules the chain folds too) and for a stemmer that sees the same letters on both sides.
    """
    name = LANGUAGE_NAMES[language]
    stemmer = token_filter(f"bro_{language}_stemmer", "stemmer", language=name)
    possessive = []
    if language == "en":
        possessive = [token_filter("bro_en_possessive", "stemmer", language="possessive_english")]
    synonyms = [thesaurus] if thesaurus else []
    return [
        *possessive,
        "lowercase",
        "asciifolding",
        *synonyms,
        *stop_words(language, name),
        stemmer,
        *decompounder(language, parts),
    ]


def index_analyzer(language, parts):
    filters = language_chain(language, parts)
    return analyzer(f"bro_{language}_index", tokenizer="standard", filter=filters)


def search_analyzer(language, thesaurus, parts):
    filters = language_chain(language, parts, thesaurus)
    return analyzer(f"bro_{language}_search", tokenizer="standard", filter=filters)


def language_text(language, thesaurus, parts, field):
    options = {}
    if field in HIGHLIGHTED:
        options["index_options"] = "offsets"
    if field in SPELLED_FIELDS:
        options["copy_to"] = "spell"
    return Text(
        analyzer=index_analyzer(language, parts),
        search_analyzer=search_analyzer(language, thesaurus, parts),
        **options,
    )


def page_mapping(synonym_rules, compound_parts):
    thesaurus = thesaurus_filter(synonym_rules)
    mapping = Mapping()
    for language in LANGUAGES:
        for field in TEXT_FIELDS:
            text = language_text(language, thesaurus, compound_parts, field)
            mapping.field(f"{field}_{language}", text)
        mapping.field(f"url_{language}", Keyword(index=False))
    mapping.field("suggest", SearchAsYouType(analyzer=folded))
    mapping.field("spell", Text(analyzer=folded))
    mapping.field("page_id", Integer())
    mapping.field("type", Keyword())
    mapping.field("original_language", Keyword())
    mapping.field("last_published_at", Date())
    for facet in FACETS:
        mapping.field(facet, Integer() if facet in {"evidence_level", "years"} else Keyword())
    return mapping


def page_index(name, synonym_rules, compound_parts):
    """An index definition (not yet created) with the mapping, analysis and thesaurus.

    `compound_parts` are the stems compounds are split into, per language (`search.compounds`).
    """
    index = Index(name)
    index.settings(
        number_of_shards=1,
        number_of_replicas=settings.ELASTICSEARCH_REPLICAS,
        max_ngram_diff=2,
    )
    index.mapping(page_mapping(synonym_rules, compound_parts))
    return index
