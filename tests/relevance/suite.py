"""The relevance suite: single-language pages, the searches that should find them, the figures.

`pages.toml` beside this module holds the pages and, with each, queries in the other languages.
`publish` puts the pages on the site through the models (as an editor would, one language filled
in), so their index documents come from the real document builder; `measure` runs every query
through the site's own search and returns recall@10 and MRR. A query is found at the first of
its relevant pages: its own page, and the few that a reader judged as good an answer
(`equally_good` in pages.toml, with the reason written beside it). The test in this folder and the
benchmarks (`benchmarks/relevance.py`, among 10,000 generated pages) both use it.
"""

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from wagtail.rich_text import RichText

from knowledge.demo_content.loader import DATA_DIR, paragraphs_html, translated
from knowledge.models import Theme
from search.params import SearchParams
from search.results import run_search
from tests.factories import add_single_language_programme

SUITE = Path(__file__).resolve().parent / "pages.toml"
#: Results a reader looks at: a page found lower down counts as not found.
CUT_OFF = 10


@dataclass
class Query:
    text: str
    language: str
    expected: str
    #: The pages that answer the query: `expected` and the pages judged as good (see pages.toml).
    relevant: tuple = ()


@dataclass
class Figures:
    recall: float
    mrr: float
    #: `(query, rank or None)` of every query that did not find its page first.
    misses: list = field(default_factory=list)

    def __str__(self):
        return f"recall@{CUT_OFF} {self.recall:.1%}, MRR {self.mrr:.3f}"


def read_suite():
    return tomllib.loads(SUITE.read_text(encoding="utf-8"))["pages"]


def queries(pages):
    return [
        Query(text, language, page["key"], (page["key"], *page.get("equally_good", [])))
        for page in pages
        for language, texts in page["queries"].items()
        for text in texts
    ]


def themes():
    """The taxonomy's themes, created when missing (a test database starts without them)."""
    taxonomy = tomllib.loads((DATA_DIR / "taxonomy.toml").read_text(encoding="utf-8"))
    return {
        item["key"]: Theme.objects.get_or_create(
            slug=item["key"], defaults=translated("name", item["name"])
        )[0]
        for item in taxonomy["themes"]
    }


def publish(pages, sections):
    """Publish the suite's pages under their country's section; `{key: page id}`."""
    by_key = themes()
    published = {}
    for item in pages:
        language = item["language"]
        section = sections["programmes"]["SE" if item["country"] == "SE" else "DK"]
        page = add_single_language_programme(
            section,
            language,
            item["title"],
            item["summary"],
            country=item["country"],
            themes=[by_key[key] for key in item["themes"]],
            **{
                f"description_{language}": [
                    ("text", RichText(paragraphs_html(item["description"])))
                ]
            },
        )
        published[item["key"]] = page.pk
    return published


def rank(query, page_ids):
    """The place (1 = first) of the first of the pages among the first results, or None."""
    params = SearchParams(q=query.text, language=query.language, page_size=CUT_OFF)
    ids = [result.id for result in run_search(params).results]
    places = [place for place, found in enumerate(ids, start=1) if found in page_ids]
    return places[0] if places else None


def measure(published, suite_queries):
    ranks = [
        (query, rank(query, {published[key] for key in query.relevant})) for query in suite_queries
    ]
    found = [place for _query, place in ranks if place]
    return Figures(
        recall=len(found) / len(ranks),
        mrr=sum(1 / place for place in found) / len(ranks),
        misses=[(query, place) for query, place in ranks if place != 1],
    )
