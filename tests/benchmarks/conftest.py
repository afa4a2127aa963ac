"""The search tests' Elasticsearch fixture, for the corpus test that builds an index."""

from tests.search.conftest import engine  # noqa: F401
