"""Fixtures of the fault tests: the test database's URL for servers started beside the suite."""

import os

import pytest
from django.conf import settings


@pytest.fixture(scope="session")
def live_database_url(django_db_setup):
    """DATABASE_URL pointing at the test database that pytest-django created."""
    name = settings.DATABASES["default"]["NAME"]
    base = os.environ["DATABASE_URL"].rsplit("/", 1)[0]
    return f"{base}/{name}"
