"""The expensive anonymous endpoints answer 429 past a client's limit (config/rate_limits.py).

The limits are per hour here, so that a test never straddles the end of a counting window.
"""

import pytest

pytestmark = pytest.mark.django_db

LIMITED = [
    ("/api/search/?q=tryg", "search"),
    ("/da/search/?q=tryg", "search"),
    ("/api/search/suggest/?q=tr", "suggest"),
    ("/api/open-data/export.json", "export"),
    ("/api/open-data/export.csv", "export"),
    ("/da/overview/", "overview"),
]


def limit(settings, group, rate):
    settings.RATE_LIMITS = {**settings.RATE_LIMITS, group: rate}


@pytest.mark.parametrize("url, group", LIMITED)
def test_past_the_limit_a_client_gets_a_429_with_retry_after(
    client, home_page, settings, url, group
):
    limit(settings, group, "3/h")
    for _ in range(3):
        assert client.get(url).status_code != 429
    refused = client.get(url)
    assert refused.status_code == 429
    assert 1 <= int(refused["Retry-After"]) <= 3600
    assert client.get(url, REMOTE_ADDR="10.0.0.9").status_code != 429, "another client was refused"


@pytest.mark.parametrize(
    "language, text",
    [("da", "For mange forespørgsler"), ("sv", "För många förfrågningar"), ("en", "Too many")],
)
def test_the_429_speaks_the_readers_language(client, home_page, settings, language, text):
    limit(settings, "search", "1/h")
    limit(settings, "overview", "1/h")
    for url in ("/api/search/?q=tryg", f"/{language}/overview/"):
        client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        refused = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert refused.status_code == 429
        assert text in refused.content.decode(), url
