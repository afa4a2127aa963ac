"""Single-language pages are found from the other languages: recall@10 and MRR of the suite.

The figures are printed (`pytest -s` shows them, with the queries that missed) so a change to the
search can be judged by them.

The product's target is recall@10 95 % and MRR 0.8 (issue 12). The search does not reach it yet,
so the floors sit a little below the figures it reached (92.1 %, 0.758 on 2026-12-08, with four
pages judged as good answers for each other's queries, see pages.toml), leaving room for an
Apertium translation that misses its time bound: a change that makes cross-language search
worse fails here. Raise them with every change that improves it.
"""

import pytest

from search import indexing

from .suite import measure, publish, queries, read_suite

pytestmark = pytest.mark.elasticsearch

RECALL_FLOOR = 0.91
MRR_FLOOR = 0.74


def test_single_language_pages_are_found_from_the_other_languages(
    engine, thesaurus_loaded, sections
):
    pages = read_suite()
    suite_queries = queries(pages)
    assert len(pages) >= 40
    assert len(suite_queries) >= 100
    published = publish(pages, sections)
    indexing.rebuild()
    figures = measure(published, suite_queries)
    print(f"\nRelevance suite, {len(pages)} pages, {len(suite_queries)} queries: {figures}")
    for query, place in figures.misses:
        print(f"  {place or '-':>2}  [{query.language}] {query.text!r} → {query.expected}")
    assert figures.recall >= RECALL_FLOOR, str(figures)
    assert figures.mrr >= MRR_FLOOR, str(figures)
