"""What a programme page costs per view: database queries and round trips to the shared cache.

A programme page is the site's most viewed page. A repeated view is answered mostly from the
shared cache (Redis, as `make test` and production run it), so what is left per view is the
routing, the page itself, its view restrictions, the hooks' own sections and a few reads of the
cache. The counts are the real ones: the queries Django sends, and the commands the Redis
server itself says it processed.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django_redis import get_redis_connection

from knowledge.models import Source
from tests.factories import make_method, make_programme

pytestmark = pytest.mark.django_db

#: Site, home page, routing, the programme, its view restrictions, the approved experiences.
REPEATED_VIEW_QUERIES = 6
#: The content version, three languages' site root paths, the navigation, the page's cached
#: structured data and body, and the similar pages.
REPEATED_VIEW_CACHE_READS = 8


@pytest.fixture
def programme_url(sections):
    method = make_method(sections["methods"]["DK"])
    programme = make_programme(sections["programmes"]["DK"], methods=[method])
    with translation.override("sv"):
        return programme.get_url()


def redis_commands():
    """How many commands the Redis server has processed, by its own count (this one included)."""
    return int(get_redis_connection("default").info("stats")["total_commands_processed"])


def test_a_repeated_view_is_answered_mostly_from_the_shared_cache(
    client, programme_url, django_assert_max_num_queries
):
    first = client.get(programme_url).content
    with django_assert_max_num_queries(REPEATED_VIEW_QUERIES):
        repeated = client.get(programme_url)
    assert repeated.content == first


def test_a_repeated_view_reads_the_shared_cache_in_few_round_trips(client, programme_url):
    client.get(programme_url)
    before = redis_commands()
    assert client.get(programme_url).status_code == 200
    reads = redis_commands() - before - 1  # the INFO that read `before`
    assert reads <= REPEATED_VIEW_CACHE_READS


def citations(response):
    script = BeautifulSoup(response.content, "html.parser").find(
        "script", type="application/ld+json"
    )
    return [work["name"] for work in json.loads(script.string).get("citation", [])]


def test_the_cached_structured_data_cites_a_renamed_source_at_once(client, programme_url):
    assert citations(client.get(programme_url)) == ["Referat af kredsrådsmøde"]
    # The title in Danish, the language it was written in: the view left Swedish active.
    source = Source.objects.get(title_da="Referat af kredsrådsmøde")
    source.title_da = "Referat af kredsrådets møde"
    source.save()
    assert citations(client.get(programme_url)) == ["Referat af kredsrådets møde"]
