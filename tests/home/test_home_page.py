"""The home page: search with suggestions, themes, recent programmes and counts per country."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_method, make_programme

LANGUAGES = ["da", "sv", "en"]
HOME_QUERIES = 15


@pytest.fixture
def content(sections):
    method = make_method(sections["methods"]["SE"])
    danish = make_programme(sections["programmes"]["DK"], methods=[method])
    both = make_programme(
        sections["programmes"]["SE"], base="samverkan", country="BOTH", title_en="Together"
    )
    return {"method": method, "danish": danish, "both": both}


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    ("language", "label", "theme", "title"),
    [
        ("da", "Søg på dansk, svensk eller engelsk", "Indbrud", "Bo Trygt"),
        ("sv", "Sök på svenska, danska eller engelska", "Inbrott", "Bo Tryggt"),
        ("en", "Search in Danish, Swedish or English", "Burglary", "Live Safely"),
    ],
)
def test_home_offers_search_themes_and_recent_programmes(
    client, content, language, label, theme, title
):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<label for="home-q">{label}</label>' in html
    form = html[html.index('class="search-form"') : html.index("</form>")]
    assert f'action="/{language}/search/"' in form
    assert 'name="q"' in form
    assert 'data-autocomplete="/api/search/suggest/"' in form
    assert re.search(rf'<a href="/{language}/search/\?themes=bo-trygt-burglary">{theme}</a>', html)
    recent = html[html.index('id="recent-heading"') :]
    assert f">{title}</a></h3>" in recent
    assert "js/autocomplete.js" in html


def test_counts_per_country_count_a_page_for_both_countries_in_both(client, content):
    html = client.get("/en/").content.decode()
    table = html[html.index('<table class="numbers">') : html.index("</table>")]
    assert "<caption>" in table and '<th scope="col">Programmes</th>' in table
    rows = dict(re.findall(r'\?country=(DK|SE)">[^<]+</a></th><td>(\d+)</td><td>\d+</td>', table))
    assert rows == {"DK": "2", "SE": "1"}


def test_home_queries_do_not_grow_with_the_content(client, sections, content):
    client.get("/da/")
    before = count_queries(client, "/da/")
    assert before <= HOME_QUERIES
    for n in range(4):
        make_programme(sections["programmes"]["DK"], base=f"more-{n}")
    assert count_queries(client, "/da/") == before


def test_home_renders_everything_without_elasticsearch(client, content, unreachable_engine):
    response = client.get("/sv/")
    assert response.status_code == 200
    html = response.content.decode()
    assert 'data-autocomplete="/api/search/suggest/"' in html
    assert re.search(r'<a href="/sv/search/\?themes=bo-trygt-burglary">Inbrott</a>', html)
    assert ">Bo Tryggt</a></h3>" in html[html.index('id="recent-heading"') :]


def test_home_declares_the_site_search_as_structured_data(client, home_page):
    html = client.get("/en/").content.decode()
    data = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert '"@type": "WebSite"' in data
    assert '"target": "http://testserver/en/search/?q={search_term_string}"' in data
