"""The query built from parameters, checked without the engine through `to_dict()`."""

import json

from search.params import SearchParams
from search.query import build_did_you_mean, build_search, build_similar, build_suggest


def query_of(**params):
    return build_search(SearchParams(**params), "bro").to_dict()


def test_text_is_matched_in_every_language_with_title_weighted_highest():
    query = query_of(q="inbrott")["query"]["bool"]["should"]
    fields = query[0]["multi_match"]["fields"]
    assert {"title_da^4.0", "title_sv^4.0", "title_en^4.0"} <= set(fields)
    assert {"summary_da^2.0", "body_sv^1.0"} <= set(fields)
    assert query[1]["match"]["spell"]["fuzziness"] == "AUTO"
    assert query[2]["multi_match"]["type"] == "phrase"


def test_query_syntax_typed_by_a_user_is_only_ever_text():
    text = 'title_da:x OR (summary:* AND "'
    body = json.dumps(query_of(q=text))
    assert "query_string" not in body and "simple_query_string" not in body
    for clause in query_of(q=text)["query"]["bool"]["should"]:
        options = clause["multi_match"] if "multi_match" in clause else clause["match"]["spell"]
        assert options["query"] == text


def test_empty_text_lists_everything():
    body = query_of(q="")
    assert "query" not in body
    assert "suggest" not in body


def test_a_chosen_facet_filters_hits_but_not_its_own_counts():
    body = query_of(filters={"themes": ["burglary"], "country": ["SE"]})
    assert body["post_filter"]["bool"]["filter"] == [
        {"terms": {"themes": ["burglary"]}},
        {"terms": {"country": ["SE"]}},
    ]
    themes_agg = body["aggs"]["themes"]["filter"]["bool"]["filter"]
    assert themes_agg == [{"terms": {"country": ["SE"]}}]
    country_agg = body["aggs"]["country"]["filter"]["bool"]["filter"]
    assert country_agg == [{"terms": {"themes": ["burglary"]}}]
    unchosen = body["aggs"]["unchosen"]
    assert unchosen["filter"]["bool"]["filter"] == [
        {"terms": {"themes": ["burglary"]}},
        {"terms": {"country": ["SE"]}},
    ]
    assert unchosen["aggs"]["status"] == {"terms": {"field": "status", "size": 50}}
    assert "themes" not in unchosen["aggs"] and "status" not in body["aggs"]


def test_numeric_facets_are_filtered_as_numbers():
    body = query_of(filters={"evidence_level": ["4", "5"]})
    assert body["post_filter"]["bool"]["filter"] == [{"terms": {"evidence_level": [4, 5]}}]


def test_highlights_are_html_escaped_and_prefer_the_readers_language():
    highlight = query_of(q="vold", language="sv")["highlight"]
    assert highlight["encoder"] == "html"
    assert list(highlight["fields"])[0] == "title_sv"
    for name, options in highlight["fields"].items():
        assert options["highlight_query"] == {"match": {name: "vold"}}


def test_nothing_is_highlighted_without_text():
    assert "highlight" not in query_of(q="")


def test_paging_and_sorting():
    body = query_of(q="x", page=3, page_size=20, sort="evidence")
    assert (body["from"], body["size"]) == (40, 20)
    assert body["sort"][0] == {"evidence_level": "desc"}


def test_did_you_mean_is_a_request_of_its_own_with_the_text():
    assert "suggest" not in query_of(q="indbrut")
    body = build_did_you_mean("indbrut", "bro").to_dict()
    assert body["suggest"]["did_you_mean"]["text"] == "indbrut"
    assert body["size"] == 0


def test_suggest_matches_prefixes_of_titles():
    body = build_suggest("ostergo", "bro").to_dict()
    assert body["query"]["multi_match"]["type"] == "bool_prefix"
    assert body["size"] == 8


def test_similar_pages_come_from_the_other_country_only():
    body = build_similar(7, ["SE"], "bro").to_dict()
    assert body["query"]["bool"]["filter"] == [{"terms": {"country": ["SE"]}}]
    assert body["query"]["bool"]["must"][0]["more_like_this"]["like"] == [
        {"_index": "bro", "_id": "7"}
    ]
