"""The fault tests use the search tests' engine fixtures (a per-test index alias)."""

from tests.search.conftest import engine, pages, thesaurus_loaded  # noqa: F401
