"""The JSON API and the search page answer every input with a result or a clear 4xx."""

import pytest

from knowledge.models import Theme

pytestmark = pytest.mark.elasticsearch


def test_api_answers_with_the_documented_shape(client, cross_language_index):
    response = client.get("/api/search/", {"q": "inbrott", "lang": "sv"})
    assert response.status_code == 200
    body = response.json()
    assert body["count"] == 1 and body["page"] == 1
    [result] = body["results"]
    assert set(result) == {
        "id",
        "type",
        "url",
        "title",
        "titles",
        "summary",
        "country",
        "original_language",
        "evidence_level",
        "highlight",
    }
    assert result["titles"]["da"] == "Tryg i parcelhuskvarteret"
    assert {"value": "burglary", "label": "burglary", "count": 1} in body["facets"]["themes"]


@pytest.mark.parametrize(
    ("params", "status", "message"),
    [
        ({"q": "x" * 10_000}, 400, "too long"),
        ({"themes": "no-such-theme"}, 400, "Unknown value"),
        ({"country": "NO"}, 400, 'country: "NO" is not a valid choice'),
        ({"themes": ""}, 400, "themes: This field may not be blank"),
        ({"page": "abc"}, 400, "page: A valid integer is required"),
        ({"page": "0"}, 400, "greater than or equal to 1"),
        ({"page_size": "1000"}, 400, "less than or equal to 50"),
        ({"page": "99"}, 404, "past the last page"),
        ({"lang": "fi"}, 400, "valid choice"),
        ({"page": "600", "page_size": "50"}, 400, "narrow the search"),
        ({"years": "²"}, 400, "years: A valid integer"),  # "²".isdigit() is true, int() fails
        ({"page": "²"}, 400, "page: A valid integer"),
        ({"years": "٢٠٢٠"}, 400, "years: A valid integer"),  # int() reads Arabic-Indic digits
    ],
)
def test_bad_input_gets_a_clear_message(client, cross_language_index, params, status, message):
    response = client.get("/api/search/", params, headers={"accept-language": "en"})
    assert response.status_code == status
    assert message in response.json()["error"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("*:*", []),
        ('{"match_all": {}}', []),
        ("title_da:x OR (", []),
        ("indbrud AND NOT", [1]),  # the word finds its page; AND NOT excludes nothing
    ],
)
def test_query_syntax_is_searched_as_text(client, cross_language_index, text, expected):
    response = client.get("/api/search/", {"q": text})
    assert response.status_code == 200
    body = response.json()
    assert body["engine_available"] is True
    assert [result["id"] for result in body["results"]] == expected


def test_search_page_shows_results_facets_and_removable_chips(client, cross_language_index):
    Theme.objects.create(name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="burglary")
    response = client.get("/sv/search/", {"q": "", "themes": "burglary"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Tryg i parcelhuskvarteret" in html
    assert '<a class="chip" href="?q=">Inbrott' in html


def test_search_page_refuses_bad_input_with_a_message(client, cross_language_index):
    response = client.get("/en/search/", {"themes": "nonsense"})
    assert response.status_code == 400
    assert "Unknown value" in response.content.decode()
    assert client.get("/en/search/", {"page": "40"}).status_code == 404
    assert client.get("/en/search/", {"years": "²"}).status_code == 400


def test_suggest_refuses_an_unknown_language(client, cross_language_index):
    response = client.get("/api/search/suggest/", {"q": "tryg", "lang": "fi"})
    assert response.status_code == 400
    assert "lang:" in response.json()["error"]
