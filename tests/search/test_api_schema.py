"""schemathesis, every check, positive and negative cases, against the site's WSGI application:
the search API does what its schema at /api/schema/ says, and the schema says what it does."""

import pytest
import schemathesis
from django.core import signals
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis import GenerationMode

from config.wsgi import application
from knowledge.models import Theme

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def site_in_this_transaction():
    """The WSGI application, on the test's own database connection.

    Django closes old connections when a request starts and ends, which would end the test's
    transaction; its own test client does the same as this.
    """
    for signal in (signals.request_started, signals.request_finished):
        signal.disconnect(close_old_connections)
    yield application
    for signal in (signals.request_started, signals.request_finished):
        signal.connect(close_old_connections)


@pytest.fixture
def api_schema(site_in_this_transaction, cross_language_index, settings):
    settings.RATELIMIT_ENABLE = False  # hundreds of requests from one address test the API
    Theme.objects.create(name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="burglary")
    Theme.objects.create(name_da="Vold", name_sv="Våld", name_en="Violence", slug="violence")
    return schemathesis.openapi.from_wsgi("/api/schema/", site_in_this_transaction)


CASES = settings(
    max_examples=150,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


# schemathesis's own `from_fixture(...).parametrize()` reads a pytest internal that pytest 9.2
# no longer has, so each operation's cases are drawn here from its strategy.
@pytest.mark.parametrize("mode", [GenerationMode.POSITIVE, GenerationMode.NEGATIVE])
@pytest.mark.parametrize("path", ["/api/search/", "/api/search/suggest/"])
def test_the_api_does_what_its_schema_says(api_schema, path, mode):
    operation = api_schema[path]["GET"]

    @CASES
    @given(case=operation.as_strategy(generation_mode=mode))
    def answers_as_documented(case):
        case.call_and_validate()

    answers_as_documented()


def test_the_schema_is_served_as_json_and_describes_both_endpoints(client, db):
    response = client.get("/api/schema/")
    assert response.status_code == 200 and response["Content-Type"].startswith("application/")
    schema = response.json()
    assert schema["openapi"].startswith("3.1")
    assert set(schema["paths"]) == {"/api/search/", "/api/search/suggest/"}
