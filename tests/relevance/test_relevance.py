"""Single-language pages are found from the other languages: recall@10 and MRR of the suite.

The figures are printed (`pytest -s` shows them, with the queries that missed) so a change to the
search can be judged by them; the test fails below the floors the product promises.
"""

import pytest

from search import indexing

from .suite import measure, publish, queries, read_suite

pytestmark = pytest.mark.elasticsearch

RECALL_FLOOR = 0.95
MRR_FLOOR = 0.8


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
