"""The query built from parameters, checked without the engine through `to_dict()`.

Only what a visitor would notice is held here: typed text stays text, highlights are escaped,
paging, and the sizes of the lists shown. Boosts, clause order and the facets' filters are
the engine tests' business (tests/search/test_engine_search.py): they hold the ranking and
the counts a visitor sees, whatever shape the query takes to get them.
"""

import json

from search.params import SearchParams
from search.query import build_did_you_mean, build_facets, build_search, build_suggest


def query_of(**params):
    return build_search(SearchParams(**params), "bro").to_dict()


def query_texts(node):
    """Every `query` value in a query body, however deeply nested."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "query" and isinstance(value, str):
                yield value
            else:
                yield from query_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from query_texts(item)


def test_query_syntax_typed_by_a_user_is_only_ever_text():
    text = 'title_da:x OR (summary:* AND "'
    body = query_of(q=text)
    assert "query_string" not in json.dumps(body)
    assert set(query_texts(body["query"])) == {text}


def test_empty_text_lists_everything():
    body = query_of(q="")
    assert "query" not in body
    assert "highlight" not in body


def test_highlights_are_html_escaped():
    assert query_of(q="vold", language="sv")["highlight"]["encoder"] == "html"


def test_a_page_of_results_starts_after_the_pages_before_it():
    body = query_of(q="x", page=3, page_size=20)
    assert (body["from"], body["size"]) == (40, 20)


def test_did_you_mean_is_asked_apart_with_the_text():
    assert "suggest" not in query_of(q="indbrut")
    body = build_did_you_mean("indbrut", "bro").to_dict()
    assert body["suggest"]["did_you_mean"]["text"] == "indbrut"
    assert body["size"] == 0


def test_autocomplete_offers_at_most_eight_titles():
    assert build_suggest("ostergo", "bro").to_dict()["size"] == 8


def test_where_it_has_run_and_other_registries_filter_and_are_counted():
    params = SearchParams(filters={"site_areas": ["ostergotland"], "registries": ["eif"]})
    hits = build_search(params, "bro").to_dict()
    assert {"terms": {"site_areas": ["ostergotland"]}} in hits["query"]["bool"]["filter"][0][
        "bool"
    ]["filter"]
    assert {"terms": {"registries": ["eif"]}} in hits["query"]["bool"]["filter"][0]["bool"][
        "filter"
    ]
    counts = build_facets(params, "bro").to_dict()["aggs"]
    # A chosen facet is counted under the other one's filter only, so its alternatives show.
    assert counts["site_areas"]["filter"]["bool"]["filter"] == [{"terms": {"registries": ["eif"]}}]
    assert counts["site_areas"]["aggs"]["values"]["terms"]["field"] == "site_areas"
    assert counts["registries"]["aggs"]["values"]["terms"]["field"] == "registries"
    for name in ("cost_band", "effect_strength"):
        assert counts["unchosen"]["aggs"][name]["terms"]["field"] == name
