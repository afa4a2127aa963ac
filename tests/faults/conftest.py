"""The fault tests use the search tests' engine fixtures (a per-test index alias)."""

import os

import pytest
from django.conf import settings

from tests.search.conftest import engine, pages, thesaurus_loaded  # noqa: F401


@pytest.fixture(scope="session")
def live_database_url(django_db_setup):
    """DATABASE_URL pointing at the test database that pytest-django created."""
    name = settings.DATABASES["default"]["NAME"]
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    return f"{base}/{name}"
