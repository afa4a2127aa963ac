"""Search against the real Elasticsearch node: across languages, forgiving, faceted, highlighted."""

import pytest

from search.params import SearchParams
from search.results import run_search
from tests.factories import build_index, document

pytestmark = pytest.mark.elasticsearch


def found(q, language="da", **params):
    results = run_search(SearchParams(q=q, language=language, **params))
    return [result.id for result in results.results]


@pytest.mark.parametrize(
    ("query", "language", "expected"),
    [
        ("inbrott", "sv", 1),  # Swedish finds Danish
        ("burglary", "en", 1),  # English finds Danish
        ("vold i familien", "da", 2),  # Danish finds Swedish
        ("domestic violence", "en", 2),  # English finds Swedish
        ("hvidvask", "da", 3),  # Danish finds English
        ("penningtvätt", "sv", 3),  # Swedish finds English
    ],
)
def test_a_query_in_one_language_finds_pages_written_in_another(
    cross_language_index, query, language, expected
):
    assert found(query, language)[:1] == [expected]


def test_words_are_matched_by_their_stem(cross_language_index):
    assert found("villaen") == [1]  # Danish: villaer ~ villaen
    assert found("relationerna", "sv") == [2]  # Swedish: relationer ~ relationerna


def test_missing_diacritics_are_forgiven(cross_language_index):
    assert found("Ostergotland") == [2]
    assert found("nabohjaelp") == [1]


def test_words_typed_without_their_letters_meet_the_thesaurus(engine, thesaurus_loaded):
    build_index(engine, [document(1, "sv", "Grannsamverkan i Lund", "Grannar håller koll.")])
    # The thesaurus's "nabohjælp" is "grannsamverkan": folded, and with "æ" typed as "a".
    assert found("nabohjaelp") == [1]
    assert found("nabohjalp") == [1]


def test_words_typed_without_their_letters_are_found_in_the_body(engine, thesaurus_loaded):
    body = "Grannarna turas om att låsa källarförråden på kvällen."
    build_index(
        engine, [document(1, "sv", "Trygga trapphus", "Hyresgäster i Malmö.", body_sv=body)]
    )
    # Only in the body, which the typo-tolerant field does not hold: stemmed and folded alike.
    assert found("kallarforraden", "sv") == [1]


def test_typos_are_forgiven(cross_language_index):
    assert found("webinarrs", "en") == [3]
    assert found("grundejerforeningr") == [1]


def test_compound_words_are_split_into_their_parts(engine, thesaurus_loaded):
    build_index(
        engine,
        [
            document(1, "sv", "Grannar i Lund", "Hyresgäster förhindrar förrådsinbrott."),
            document(2, "da", "Tryg i kvarteret", "Kommunen arbejder med forebyggelse af indbrud."),
        ],
    )
    # Danish "indbrud" is Swedish "inbrott" (thesaurus), inside the Swedish compound.
    assert set(found("indbrud")) == {1, 2}
    # A compound in the query finds its parts written apart.
    assert found("indbrudsforebyggelse")[:1] == [2]


def test_empty_query_lists_everything_with_facets(cross_language_index):
    results = run_search(SearchParams())
    assert results.count == 3
    countries = {v["value"]: v["count"] for v in results.facets["country"]}
    assert countries == {"DK": 2, "SE": 2}


def test_a_chosen_facet_narrows_hits_and_keeps_the_other_values_counted(cross_language_index):
    results = run_search(SearchParams(filters={"themes": ["burglary"]}))
    assert [r.id for r in results.results] == [1]
    themes = {v["value"]: (v["count"], v["selected"]) for v in results.facets["themes"]}
    assert themes["burglary"] == (1, True)
    assert themes["money-laundering"] == (1, False)
    statuses = {v["value"]: v["count"] for v in results.facets["status"]}
    assert statuses == {"active": 1}


def test_filters_in_two_facets_combine(cross_language_index):
    assert found("", filters={"country": ["SE"], "status": ["ended"]}) == [3]
    assert found("", filters={"country": ["SE"], "status": ["active"]}) == []


def test_matching_words_are_highlighted_and_the_rest_escaped(engine, thesaurus_loaded):
    summary = 'Naboer & politi <script>alert("x")</script> forebygger indbrud.'
    build_index(engine, [document(1, "da", "Tryg i kvarteret", summary)])
    [result] = run_search(SearchParams(q="indbrud")).results
    [fragment] = [text for text in result.highlight if "indbrud" in text]
    assert "<mark>indbrud</mark>" in fragment
    assert "Naboer &amp; politi &lt;script&gt;alert(&quot;x&quot;)&lt;&#x2F;script&gt;" in fragment


def test_a_result_in_another_language_says_so(cross_language_index):
    [result] = run_search(SearchParams(q="inbrott", language="sv")).results
    assert result.title == "Tryg i parcelhuskvarteret"
    assert result.shown_language == "da"


def test_a_word_in_the_title_ranks_above_the_same_word_in_a_summary(engine, thesaurus_loaded):
    build_index(
        engine,
        [
            document(1, "da", "Tryg bolig", "Nabohjælp."),
            document(2, "da", "Nabohjælp i Herning og Ikast", "Naboer holder øje med hinanden."),
        ],
    )
    assert found("nabohjælp") == [2, 1]


def test_a_numeric_facet_filters_by_its_number(cross_language_index):
    assert found("", filters={"evidence_level": ["3"]}) == [1]
    assert found("", filters={"evidence_level": ["4", "5"]}) == []


def test_sort_by_evidence_puts_the_strongest_first(cross_language_index):
    assert found("", sort="evidence")[0] == 1


def test_did_you_mean_offers_a_correction_when_nothing_is_found(cross_language_index):
    # First letter wrong: "vrundejerforeninger" would still meet its parts ("forening").
    results = run_search(SearchParams(q="kolitiet"))
    assert results.count == 0
    assert results.did_you_mean == "politiet"


def test_autocomplete_completes_titles_as_you_type(client, cross_language_index):
    response = client.get("/api/search/suggest/", {"q": "parcelh", "lang": "sv"})
    assert response.status_code == 200
    assert [s["title"] for s in response.json()["suggestions"]] == ["Tryg i parcelhuskvarteret"]
    response = client.get("/api/search/suggest/", {"q": "osterg"})
    assert response.json()["suggestions"][0]["url"] == "/da/programmes/2/"
