"""The search tests' engine fixtures, for the escaping test of the search page and API."""

from tests.search.conftest import engine, thesaurus_loaded  # noqa: F401
