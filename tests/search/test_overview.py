"""The region and country overview against the real Elasticsearch node.

Its counts must be the search page's counts: every cell is compared with `run_search` on the same
filters, and the links of the page are followed to a search with exactly that many results.
"""

import io
import re
from html import unescape

import pytest
from django.core.management import call_command

from knowledge.models import Area, Organisation, Theme
from search import indexing, thesaurus
from search.overview.aggregations import Scope, run_overview
from search.params import SearchParams
from search.results import run_search
from tests.factories import build_index, document

pytestmark = pytest.mark.elasticsearch

THEMES = {"burglary": "Burglary", "drugs": "Drugs", "violence": "Violence", "fraud": "Fraud"}
AREAS = {
    "midt": ("Midtjylland", "DK"),
    "herning": ("Herning", "DK"),
    "oster": ("Östergötland", "SE"),
}
COUNTRY_AREAS = {"denmark": ("Denmark", "DK"), "sweden": ("Sweden", "SE")}
ORGANISATIONS = {"police-dk": ("Politiet", "DK"), "trygfonden": ("TrygFonden", "DK")}


def programme(pk, country, **fields):
    language = "sv" if country == ["SE"] else "da"
    return document(pk, language, f"Programme {pk}", "Prevention work.", country=country, **fields)


#: Programmes in two Danish areas, one Swedish one and none, plus two methods (no area).
DOCS = [
    programme(1, ["DK"], areas=["midt"], themes=["burglary"], evidence_level=2,
              years=[2018, 2019, 2020], status="ended", organisations=["police-dk"]),
    programme(2, ["DK"], areas=["midt", "herning"], themes=["burglary", "drugs"],
              evidence_level=4, years=[2019, 2020], organisations=["police-dk", "trygfonden"],
              site_areas=["midt", "denmark", "oster", "sweden"], cost_band="low",
              effect_strength="strong"),
    programme(3, ["DK"], areas=["midt"], themes=["drugs"], evidence_level=2, years=[2020],
              status="planned"),
    programme(4, ["DK"], areas=["herning"], themes=["violence"], evidence_level=0,
              organisations=["trygfonden"]),
    programme(5, ["SE"], areas=["oster"], themes=["violence", "burglary"], evidence_level=5,
              years=[2022, 2023], organisations=["trygfonden"], site_areas=["oster", "sweden"],
              cost_band="high", effect_strength="moderate"),
    programme(6, ["SE"], areas=["oster"], themes=["violence"], evidence_level=2,
              years=[2023], status="planned", site_areas=["herning", "denmark"],
              cost_band="low"),
    programme(7, ["DK", "SE"], areas=["oster", "midt"], themes=["drugs"], evidence_level=3,
              years=[2021, 2022]),
    programme(8, ["DK"], themes=["burglary"], evidence_level=6, years=[2019]),
    {**document(9, "da", "Method 9", "A method.", themes=["burglary"], evidence_level=2),
     "type": "method"},
    {**document(10, "sv", "Method 10", "A method.", themes=["drugs"], evidence_level=5),
     "type": "method"},
]  # fmt: skip


@pytest.fixture
def taxonomy(db):
    for slug, name in THEMES.items():
        Theme.objects.create(slug=slug, **names(name))
    for slug, (name, country) in AREAS.items():
        Area.objects.create(slug=slug, **names(name), kind="region", country=country)
    for slug, (name, country) in COUNTRY_AREAS.items():
        Area.objects.create(slug=slug, **names(name), kind="country", country=country)
    for slug, (name, country) in ORGANISATIONS.items():
        Organisation.objects.create(slug=slug, **names(name), kind="police", country=country)


def names(name):
    return {f"name_{language}": name for language in ("da", "sv", "en")}


@pytest.fixture
def overview_index(engine, taxonomy, thesaurus_loaded):
    build_index(engine, DOCS)
    return engine


SCOPES = [
    Scope("DK", "Denmark", {"country": ["DK"]}, here=("denmark",)),
    Scope("SE", "Sweden", {"country": ["SE"]}, here=("sweden",)),
    Scope("midt", "Midtjylland", {"areas": ["midt"]}, here=("midt",)),
    Scope("oster", "Östergötland", {"areas": ["oster"]}, here=("oster",)),
    Scope(
        "midt-burglary",
        "Midtjylland, burglary",
        {"areas": ["midt"], "themes": ["burglary"]},
        here=("midt",),
    ),
]


def facet(params_filters, name):
    results = run_search(SearchParams(filters=params_filters, page_size=1))
    return results, {value["value"]: value["count"] for value in results.facets[name]}


def test_every_count_equals_the_search_facets_on_the_same_filters(overview_index):
    all_counts = run_overview(SCOPES)
    for scope, counts in zip(SCOPES, all_counts, strict=True):
        everything, levels = facet(scope.search_filters(), "evidence_level")
        assert counts.total == everything.count > 0, scope.key
        assert {str(k): v for k, v in counts.levels.items()} == levels
        for theme in scope.filters.get("themes", THEMES):  # a chosen theme is the only row
            _results, by_level = facet(scope.search_filters(themes=[theme]), "evidence_level")
            matrix = {str(k): v for k, v in counts.matrix.get(theme, {}).items()}
            assert matrix == by_level, (scope.key, theme)
        _results, years = facet(scope.search_filters(), "years")
        assert {str(y): sum(s.values()) for y, s in counts.years.items()} == years
        for year, statuses in counts.years.items():
            _results, by_status = facet(scope.search_filters(years=[str(year)]), "status")
            assert statuses == by_status, (scope.key, year)
        _results, organisations = facet(scope.search_filters(), "organisations")
        assert counts.organisations == organisations
        _results, site_areas = facet(scope.search_filters(), "site_areas")
        assert counts.site_areas == site_areas
        _results, run_here = facet(scope.here_filters(), "themes")
        assert counts.run_here == run_here, scope.key
        for theme in scope.filters.get("themes", THEMES):
            for name, grid in (("effect_strength", counts.strengths), ("cost_band", counts.costs)):
                _results, by_value = facet(scope.search_filters(themes=[theme]), name)
                assert grid.get(theme, {}) == by_value, (scope.key, theme, name)


def test_the_new_dimensions_are_counted(overview_index):
    _dk, sweden, _midt, oster, _midt_burglary = run_overview(SCOPES)
    assert oster.strengths == {"burglary": {"moderate": 1}, "violence": {"moderate": 1}}
    assert oster.costs == {"burglary": {"high": 1}, "violence": {"high": 1, "low": 1}}
    # Already run in Östergötland: the Danish programme 2 as well as the Swedish programme 5.
    assert oster.run_here == {"burglary": 2, "drugs": 1, "violence": 1}
    # Sweden's programmes have run in Östergötland, Herning and the two countries.
    assert sweden.site_areas == {"oster": 1, "sweden": 1, "herning": 1, "denmark": 1}


def test_methods_are_not_counted_as_programmes(overview_index):
    denmark, sweden = run_overview(SCOPES[:2])
    assert denmark.total == 6  # 1, 2, 3, 4, 8 and 7 (both countries); not the method 9
    assert sweden.total == 3
    assert denmark.matrix["burglary"] == {2: 1, 4: 1, 6: 1}


LINK = re.compile(r'<td class="count-cell"><a href="([^"]+)">(\d+)<span')
RESULTS = re.compile(r'<h2 id="results-heading"[^>]*>(\d+) results?</h2>')


def test_each_link_leads_to_a_search_with_exactly_that_many_results(client, overview_index):
    response = client.get("/en/overview/", {"area": ["midt", "oster"]})
    assert response.status_code == 200
    links = [(unescape(url), count) for url, count in LINK.findall(response.content.decode())]
    assert len(links) > 30
    for url, count in dict(links).items():
        assert url.startswith("/en/search/?") and "type=programme" in url
        page = client.get(url)
        assert page.status_code == 200, url
        assert RESULTS.findall(page.content.decode()) == [count], url


def test_the_country_view_links_carry_the_country(client, overview_index):
    html = client.get("/en/overview/", {"country": "SE"}).content.decode()
    links = {unescape(url): count for url, count in LINK.findall(html)}
    assert links["/en/search/?country=SE&evidence_level=5&themes=burglary&type=programme"] == "1"


def test_two_areas_are_shown_side_by_side_on_the_same_rows(client, overview_index):
    html = client.get("/en/overview/", {"area": ["midt", "oster"]}).content.decode()
    assert html.count("Programmes by theme and evidence level: Midtjylland</caption>") == 1
    assert html.count("Programmes by theme and evidence level: Östergötland</caption>") == 1
    tables = re.findall(r'<table class="overview-table evidence-table">(.*?)</table>', html, re.S)
    assert len(tables) == 2
    rows = [re.findall(r'<th scope="row">([^<]+)</th>', table) for table in tables]
    assert rows[0] == rows[1] == ["Burglary", "Drugs", "Fraud", "Violence", "All programmes"]
    years = re.findall(r'<th scope="row">(20\d\d)</th>', html)
    half = len(years) // 2
    assert years[:half] == years[half:] == [str(y) for y in range(2018, 2024)]
    assert html.count('role="img"') == 8  # four charts for each area
    bars = [
        dict(re.findall(r'<text[^>]*>([^<]+)</text><rect x="[^"]+" y="[^"]+" width="([^"]+)"', svg))
        for svg in re.findall(r'<svg[^>]*aria-labelledby="organisations-\d-title".*?</svg>', html)
    ]
    assert bars[0]["TrygFonden"] == bars[1]["TrygFonden"]  # 1 in each, drawn to one scale
    assert float(bars[0]["Politiet"]) == 2 * float(bars[0]["TrygFonden"])
    assert "selected>Midtjylland</option>" in html and "selected>Östergötland</option>" in html


def test_already_run_here_counts_a_danish_programme_in_ostergotland(client, overview_index):
    html = client.get("/en/overview/", {"area": ["midt", "oster"]}).content.decode()
    tables = re.findall(r'<table class="overview-table evidence-table">(.*?)</table>', html, re.S)
    assert [table.count("Already run here</th>") for table in tables] == [1, 1]
    rows = dict(re.findall(r'<th scope="row">([^<]+)</th>(.*?)</tr>', tables[1], re.S))
    here = "/en/search/?site_areas=oster&themes=burglary&type=programme"
    assert f'<a href="{here.replace("&", "&amp;")}">2<' in rows["Burglary"]
    page = client.get(here).content.decode()
    assert RESULTS.findall(page) == ["2"]
    assert "Programme 2" in page and "Programme 5" in page


def test_the_places_the_programmes_have_run_in_are_counted(client, overview_index):
    html = client.get("/en/overview/", {"area": ["midt", "oster"]}).content.decode()
    tables = re.findall(
        r"<caption>Where the programmes have run: ([^<]+)</caption>(.*?)</table>", html, re.S
    )
    counted = {
        place: dict(
            re.findall(r'<th scope="row">([^<]+)</th><td class="count-cell"><a[^>]*>(\d+)', rows)
        )
        for place, rows in tables
    }
    assert counted["Midtjylland"]["Östergötland"] == "1"  # programme 2, from Midtjylland
    assert counted["Östergötland"]["Herning"] == "1"  # programme 6, from Östergötland
    rows = [re.findall(r'<th scope="row">([^<]+)</th>', table) for _place, table in tables]
    assert rows[0] == rows[1] and len(rows[0]) == 5  # every area of either place, both sides


def test_gaps_are_marked_in_words(client, overview_index):
    html = client.get("/en/overview/", {"area": "oster"}).content.decode()
    rows = dict(re.findall(r'<tr[^>]*>\s*<th scope="row">([^<]+)</th>(.*?)</tr>', html, re.S))
    assert "Gap: no evaluated effect" in rows["Drugs"]  # programme 7, theory-based only
    assert "No programmes" in rows["Fraud"]
    assert "gap-mark" not in rows["Violence"]  # programme 5 is effective


def test_a_theme_narrows_every_section(client, overview_index):
    html = client.get("/en/overview/", {"area": "midt", "theme": "drugs"}).content.decode()
    rows = re.findall(r'<th scope="row">([^<]+)</th>', html)
    assert rows[:2] == ["Drugs", "All programmes"]
    assert "themes=drugs" in dict(LINK.findall(html)).popitem()[0]


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"area": "atlantis"}, "Unknown area: atlantis"),
        ({"area": ["midt", "oster", "herning"]}, "at most 2 areas"),
        ({"country": "NO"}, "Select a valid choice"),
        ({"theme": "piracy"}, "Select a valid choice"),
        ({"country": "DK", "area": "oster"}, "Östergötland is in Sweden, not in Denmark"),
        ({"area": "x" * 5000}, "Unknown area"),
        ({"area": "<script>"}, "Unknown area: &lt;script&gt;"),
    ],
)
def test_bad_input_gets_a_clear_message_and_a_400(client, overview_index, params, message):
    response = client.get("/en/overview/", params)
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert 'role="alert"' in html and "<script>" not in html.split("<main", 1)[1]


def test_without_an_index_the_page_says_the_engine_is_unavailable(client, engine, taxonomy):
    response = client.get("/en/overview/", {"area": "midt"})
    assert response.status_code == 503
    assert "The overview is not available right now" in response.content.decode()


def test_an_unreachable_engine_gives_a_503_with_the_form(
    client, engine, taxonomy, unreachable_engine
):
    response = client.get("/da/overview/", {"area": "oster"})
    assert response.status_code == 503
    html = response.content.decode()
    assert 'name="area"' in html and 'role="alert"' in html


def test_the_page_needs_a_bounded_number_of_queries(
    client, engine, taxonomy, thesaurus_loaded, django_assert_max_num_queries
):
    for n in range(20):
        Organisation.objects.create(slug=f"org-{n}", **names(f"Org {n}"), kind="ngo", country="DK")
    build_index(engine, [*DOCS, programme(
        11, ["DK"], areas=["midt"], themes=["fraud"], organisations=[f"org-{n}" for n in range(20)]
    )])  # fmt: skip
    with django_assert_max_num_queries(8):
        response = client.get("/en/overview/", {"area": ["midt", "oster"]})
    assert response.status_code == 200
    assert "Org 19" in response.content.decode()


OVERVIEW_TITLES = {
    "da": "Overblik over regioner og lande",
    "sv": "Översikt över regioner och länder",
    "en": "Region and country overview",
}


def test_a_coordinator_sees_midt_og_vestjylland_beside_ostergotland(client, engine):
    """The issue's "done when", on the demo content, in every language."""
    call_command("load_demo_content", stdout=io.StringIO())
    thesaurus.load_csv()
    indexing.rebuild()
    midt = Area.objects.get(slug="midt-og-vestjylland")
    oster = Area.objects.get(slug="ostergotlands-lan")
    params = {"area": [midt.slug, oster.slug]}
    for language, title in OVERVIEW_TITLES.items():
        response = client.get(f"/{language}/overview/", params)
        assert response.status_code == 200, language
        html = response.content.decode()
        assert f"<h1>{title}</h1>" in html
        for area in (midt, oster):
            name = getattr(area, f"name_{language}")
            assert html.count(f"<h3>{name}</h3>") == 4, (language, name)
        links = [(unescape(url), count) for url, count in LINK.findall(html)]
        assert any("areas=midt-og-vestjylland" in url for url, _count in links)
        assert any("areas=ostergotlands-lan" in url for url, _count in links)
        for url, count in links[:3] + links[-3:]:
            assert url.startswith(f"/{language}/search/?")
            page = client.get(url).content.decode()
            assert f'<h2 id="results-heading" aria-live="polite">{count} ' in page, url
