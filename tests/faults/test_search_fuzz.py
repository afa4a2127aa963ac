"""Generated search parameters: no answer is ever a 5xx, and results always obey the filters.

The examples are derandomized, so a run in CI sees the same cases every time; set
BRO_FUZZ_EXAMPLES to try more (or fewer) of them. Text is drawn from the whole of Unicode, with
the numerals of every script given their own share, so a check like `str.isdigit()` meets "²".
"""

import os
import random

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.models import Area, Arena, Organisation, TargetGroup, Theme
from search.params import FIXED_FACETS
from tests.factories import build_index, document

pytestmark = pytest.mark.elasticsearch

EXAMPLES = int(os.environ.get("BRO_FUZZ_EXAMPLES", "800"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
SLUGS = {"themes": 3, "areas": 3, "target_groups": 2, "arenas": 2, "organisations": 3}
TERM_MODELS = {
    "themes": Theme,
    "areas": Area,
    "target_groups": TargetGroup,
    "arenas": Arena,
    "organisations": Organisation,
}
WORDS = ["indbrud", "inbrott", "burglary", "vold", "våld", "unge", "ungdom", "politi"]


def slugs(facet):
    return [f"{facet.replace('_', '-')}-{n}" for n in range(SLUGS[facet])]


@pytest.fixture
def taxonomy(db):
    extra = {"areas": {"kind": "municipality", "country": "DK"}}
    extra["organisations"] = {"kind": "police", "country": "DK"}
    for facet, model in TERM_MODELS.items():
        for slug in slugs(facet):
            model.objects.create(slug=slug, name_da=slug, **extra.get(facet, {}))


def generated_documents(count=60, seed=20261122):
    """Documents with random facet values and text, the same on every run."""
    rng = random.Random(seed)
    docs = []
    for pk in range(1, count + 1):
        language = rng.choice(["da", "sv", "en"])
        text = " ".join(rng.choices(WORDS, k=4))
        fields = {
            facet: rng.sample(slugs(facet), rng.randint(0, len(slugs(facet))))
            for facet in TERM_MODELS
        }
        fields |= {
            "country": rng.choice([["DK"], ["SE"], ["DK", "SE"]]),
            "evidence_level": rng.randint(0, 4),
            "status": rng.choice(sorted(FIXED_FACETS["status"])),
            "prevention": rng.sample(sorted(FIXED_FACETS["prevention"]), rng.randint(0, 2)),
            "years": sorted(rng.sample(range(2015, 2030), rng.randint(0, 4))),
            "last_published_at": f"2024-{1 + pk % 12:02d}-{1 + pk % 28:02d}T12:00:00+00:00",
        }
        docs.append(document(pk, language, f"{text} {pk}", text, **fields))
    return docs


@pytest.fixture
def fuzz_index(engine, thesaurus_loaded, taxonomy, settings):
    # Thousands of requests from one address: the search is fuzzed, not the rate limits.
    settings.RATELIMIT_ENABLE = False
    docs = generated_documents()
    build_index(engine, docs)
    return {doc["page_id"]: doc for doc in docs}


def facet_values(facet):
    if facet in TERM_MODELS:
        return slugs(facet)
    if facet == "years":
        return [str(year) for year in range(2014, 2031)]
    return sorted(FIXED_FACETS[facet])


FACET_NAMES = [*TERM_MODELS, "country", "evidence_level", "status", "prevention", "years"]
#: Every Unicode character a URL can carry (all but the surrogates, which UTF-8 cannot encode).
any_text = st.text(st.characters(codec="utf-8"), max_size=40)
#: Digits of every script and other numerals ("²", "٣", "Ⅻ"): `str.isdigit()` is true for some.
numerals = st.text(st.characters(categories=["Nd", "Nl", "No"]), min_size=1, max_size=6)
hostile_text = st.one_of(
    any_text,
    st.text(st.characters(codec="utf-8"), min_size=290, max_size=320),
    st.text(max_size=3).map(lambda seed: (seed or "x") * 2000),
    st.sampled_from(['"', "(", "title:x OR (", "*?~^", "\\", "<script>", "%00", "\x00", " "]),
    st.integers().map(str),
    numerals,
    st.sampled_from(["²", "²⁰²⁴", "٢٠٢٠", "２０２０", "2020²", "Ⅻ"]),
    st.sampled_from(WORDS),
)
param_name = st.one_of(
    st.sampled_from(["q", "lang", "sort", "page", "page_size", *FACET_NAMES]),
    st.text(st.characters(codec="utf-8"), min_size=1, max_size=12),
)
param_value = st.one_of(
    hostile_text,
    st.sampled_from([v for facet in FACET_NAMES for v in facet_values(facet)]),
    st.sampled_from(["da", "sv", "en", "de", "", "relevance", "newest", "evidence", "x"]),
    st.sampled_from(["0", "-1", "1", "2", "50", "51", "200", "1000", "10001", "1e3", "99" * 20]),
)
query_params = st.lists(st.tuples(param_name, param_value), max_size=8)


def encoded(params):
    """The pairs as a query string dict of lists (a name may repeat, as in a real URL)."""
    data = {}
    for name, value in params:
        data.setdefault(name, []).append(value)
    return data


@FUZZ
@given(params=query_params)
def test_search_page_never_answers_5xx(client, fuzz_index, params):
    response = client.get("/da/search/", encoded(params))
    assert response.status_code < 500, params


@FUZZ
@given(params=query_params, lang=st.sampled_from(["da", "sv", "en"]))
def test_api_never_answers_5xx_and_always_answers_json(client, fuzz_index, params, lang):
    response = client.get("/api/search/", encoded([("lang", lang), *params]))
    assert response.status_code < 500, params
    body = response.json()
    assert ("error" in body) == (response.status_code >= 400)


@settings(FUZZ, max_examples=max(20, EXAMPLES // 4))
@given(name=st.sampled_from(["page", "page_size", "years"]), value=hostile_text)
def test_numeric_parameters_answer_any_text_with_a_result_or_a_4xx(client, fuzz_index, name, value):
    for url in ("/api/search/", "/da/search/"):
        assert client.get(url, {name: value}).status_code < 500, (url, name, value)


@settings(FUZZ, max_examples=max(20, EXAMPLES // 4))
@given(text=hostile_text)
def test_suggest_never_answers_5xx(client, fuzz_index, text):
    assert client.get("/api/search/suggest/", {"q": text}).status_code < 500


chosen_filters = st.dictionaries(
    st.sampled_from(FACET_NAMES),
    st.none(),
    max_size=4,
).flatmap(
    lambda facets: st.fixed_dictionaries(
        {
            facet: st.lists(st.sampled_from(facet_values(facet)), min_size=1, max_size=3)
            for facet in facets
        }
    )
)


def matches(doc, filters):
    """OR within a facet, AND across facets: what a visitor expects of ticked boxes."""
    return all(
        {str(value) for value in doc.get(facet, [])} & set(values)
        if isinstance(doc.get(facet), list)
        else str(doc.get(facet)) in values
        for facet, values in filters.items()
    )


@settings(FUZZ, max_examples=max(20, EXAMPLES // 5))
@given(filters=chosen_filters, word=st.sampled_from(["", *WORDS]))
def test_results_always_respect_the_chosen_filters(client, fuzz_index, filters, word):
    response = client.get("/api/search/", {"q": word, "lang": "da", "page_size": 50, **filters})
    assert response.status_code in (200, 404), response.content
    expected = {pk for pk, doc in fuzz_index.items() if matches(doc, filters)}
    if response.status_code == 404:  # page 1 past the last page: nothing matched
        assert not expected
        return
    body = response.json()
    found = {result["id"] for result in body["results"]}
    assert found <= expected, f"results outside the filters {filters}: {found - expected}"
    if not word:
        assert body["count"] == len(expected)
        assert found == expected if len(expected) <= 50 else len(found) == 50
    for facet, counts in body["facets"].items():
        if facet in filters:
            continue
        for bucket in counts:  # a facet's count is what ticking it would give
            narrowed = {**filters, facet: [bucket["value"]]}
            if not word:
                assert bucket["count"] == sum(matches(d, narrowed) for d in fuzz_index.values())
