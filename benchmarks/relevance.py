"""The relevance suite (`tests/relevance`) among a generated corpus: `make bench`'s relevance phase.

Alone, the suite's 47 pages compete only with each other; here they compete with a corpus of
thousands of generated pages on the same themes. The suite is published through the models into
the corpus's database inside a transaction that is rolled back afterwards, and indexed into an
index of its own (removed afterwards), so the corpus and the other measurements stay as they were.
"""

import uuid

from django.db import transaction
from django.test import override_settings

from home.models import HomePage
from knowledge.demo_content.site_structure import ensure_sections
from search import indexing
from search.client import get_client
from tests.relevance import suite


def existing_page(parent, page):
    raise LookupError(f"the corpus lacks the section {page} under {parent}")


def measure():
    """Recall@10 and MRR of the suite's queries with the corpus around its pages."""
    pages = suite.read_suite()
    suite_queries = suite.queries(pages)
    alias = f"bench-relevance-{uuid.uuid4().hex[:8]}"
    with override_settings(ELASTICSEARCH_INDEX=alias), transaction.atomic():
        sections = ensure_sections(HomePage.objects.get(), existing_page)
        published = suite.publish(pages, sections)
        try:
            indexed = indexing.rebuild().indexed
            figures = suite.measure(published, suite_queries)
        finally:
            client = get_client()
            client.indices.delete(index=",".join(client.indices.get(index=f"{alias}-*")))
        transaction.set_rollback(True)
    return {
        "pages": len(pages),
        "queries": len(suite_queries),
        "indexed": indexed,
        "recall_at_10": figures.recall,
        "mrr": figures.mrr,
        "missed": [query.text for query, place in figures.misses if place is None],
    }
