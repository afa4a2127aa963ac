"""On the demo content, a query in any language finds the seed programmes of both countries.

One test over many queries, so the demo content is indexed once per test; it is loaded once for
the module (tests/conftest.py).
"""

import pytest

from knowledge.models import MethodPage, ProgrammePage
from search import indexing, thesaurus
from search.params import SearchParams
from search.results import run_search

pytestmark = [pytest.mark.elasticsearch, pytest.mark.usefixtures("demo_content_of_the_module")]

TOP = 3
SECRECY = (
    "Secrecy rules and information sharing between police, social services, health care and schools"
)
#: (query, reader's language, English title of the page expected in the top results)
EXPECTATIONS = [
    ("inbrott", "sv", "Bo Trygt"),
    ("burglary", "en", "Bo Trygt"),
    ("indbrud", "da", "Bo Trygt"),
    ("Ostergotland", "da", "Östergötland tillsammans mot brott"),
    ("östergötland", "en", "Östergötland tillsammans mot brott"),
    ("hvidvask", "da", "Online prevention by webinar"),
    ("penningtvätt", "sv", "Online prevention by webinar"),
    ("money laundering", "en", "Online prevention by webinar"),
    ("förstärkningsteam", "sv", "Reinforcement teams in social services"),
    ("forstærkningsteam", "da", "Reinforcement teams in social services"),
    ("reinforcement team", "en", "Reinforcement teams in social services"),
    ("missbruksbehandling", "sv", "Drug buyers: a charge and an offer of addiction treatment"),
    ("addiction treatment", "en", "Drug buyers: a charge and an offer of addiction treatment"),
    ("mobile police station", "en", "The mobile police station"),
    ("mobila polisstationen", "sv", "The mobile police station"),
    ("kunskapsbaserat", "sv", "Knowledge-based crime prevention"),
    ("vidensbaseret", "da", "Knowledge-based crime prevention"),
    (
        "sekretess",
        "sv",
        SECRECY,
    ),
    (
        "tavshedspligt",
        "da",
        SECRECY,
    ),
    ("psykisk ohälsa", "sv", "Cooperation on people with mental illness"),
    ("mental illness", "en", "Cooperation on people with mental illness"),
    ("vold i familien", "da", "En barndom uden vold i familien"),
    ("våld i familjen", "sv", "En barndom uden vold i familien"),
    ("puff bars", "en", "Sale of Puff bars near schools and concern about 'posefester'"),
    ("e-cigaretter skole", "da", "Sale of Puff bars near schools and concern about 'posefester'"),
]


def rank_of(title_en, query, language):
    results = run_search(SearchParams(q=query, language=language, page_size=10)).results
    titles = [result.titles["en"] for result in results]
    return titles.index(title_en) + 1 if title_en in titles else None, titles


def test_queries_in_every_language_find_the_seed_pages(engine):
    thesaurus.load_csv()
    indexing.rebuild()
    misses = []
    for query, language, expected in EXPECTATIONS:
        rank, titles = rank_of(expected, query, language)
        if rank is None or rank > TOP:
            misses.append(f"{query!r} ({language}): {expected!r} at {rank}; got {titles[:TOP]}")
    assert misses == []


def test_a_query_finds_both_countries_programmes(engine):
    thesaurus.load_csv()
    indexing.rebuild()
    for query, language in [
        ("brottsförebyggande samverkan", "sv"),
        ("kriminalpræventivt samarbejde", "da"),
        ("crime prevention partnership", "en"),
    ]:
        results = run_search(SearchParams(q=query, language=language, page_size=10)).results
        countries = {country for result in results for country in result.country}
        assert countries == {"DK", "SE"}, (query, [r.titles["en"] for r in results])
    assert ProgrammePage.objects.live().count() + MethodPage.objects.live().count() == 24
