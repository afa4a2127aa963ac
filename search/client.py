"""The one place that creates the Elasticsearch client.

The client is built lazily on first use, never at import time, so that importing the project
needs no network and tests can point ELASTICSEARCH_URL elsewhere before the first call.
"""

from functools import cache

from django.conf import settings
from elastic_transport import TransportError
from elasticsearch import Elasticsearch
from elasticsearch import exceptions as es_exceptions

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
