"""The one place that creates the Elasticsearch client.

The client is built lazily on first use, never at import time, so that importing the project
needs no network and tests can point ELASTICSEARCH_URL elsewhere before the first call.
"""

from functools import cache

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions
from elasticsearch.dsl import MultiSearch

#: What a call raises when no node answers (refused, timed out): callers may fall back on these.
#: An error answer (a 400 for a bad query, say) is a bug to see, not an outage to hide.
UNAVAILABLE = (TransportError,)
#: The alias does not exist yet: nothing has been indexed (a fresh install before its rebuild).
NOT_BUILT = es_exceptions.NotFoundError


@cache
def get_client() -> Elasticsearch:
    return Elasticsearch(
        settings.ELASTICSEARCH_URL,
        request_timeout=settings.ELASTICSEARCH_TIMEOUT,
        retry_on_timeout=False,
        max_retries=1,
    )


def multi_search(multi: MultiSearch) -> tuple[list[dict], int]:
    """The answers to several searches sent in one `_msearch` round trip, and its `took` (ms).

    Elasticsearch answers a multi search with 200 even when a search in it failed, and puts
    that search's error in its place. Each such error is raised here as the exception a search
    of its own would have raised, so a missing index is still `NOT_BUILT` to the caller.
    """
    answer = get_client().msearch(searches=multi.to_dict())
    for response in answer["responses"]:
        if "error" in response:
            error = es_exceptions.HTTP_EXCEPTIONS.get(response["status"], es_exceptions.ApiError)
            raise error(response["error"]["type"], answer.meta, response)
    return answer["responses"], answer["took"]


def engine_status() -> dict:
    """Cluster health as a small dict; ``{"ok": False, "error": ...}`` when unreachable."""
    try:
        health = get_client().options(request_timeout=2).cluster.health()
    except (TransportError, es_exceptions.ApiError) as error:
        return {"ok": False, "error": type(error).__name__}
    status = health["status"]
    return {
        "ok": status in {"green", "yellow"},
        "status": status,
        "nodes": health["number_of_nodes"],
    }
