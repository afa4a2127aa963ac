"""`/healthz`: is the site able to serve? For load balancers, uptime checks and operators.

Anyone learns up or down, by the status code (200 or 503) and `{"status": ...}`. Which part
fails, and the database vendor and engine's state, is for signed-in staff and for a monitor
that sends `Authorization: Bearer <HEALTHZ_TOKEN>`: an anonymous caller has no use for it.

Redis down leaves the site serving (config/settings/base.py: cache calls are misses, rate limits
let requests through), so it makes `/healthz` answer "degraded" with a 200, not a 503: a load
balancer that took every worker out for a cache outage would turn it into a site outage.
"""

import hmac

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET
from django_redis import get_redis_connection
from redis.exceptions import RedisError

from search.client import engine_status
from search.worker import status as worker_status


def database_status() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "vendor": connection.vendor}


def cache_status() -> dict:
    """Does the shared cache answer? Without REDIS_URL it is this process's memory: always up."""
    if not settings.REDIS_URL:
        return {"ok": True, "shared": False}
    try:
        get_redis_connection("default").ping()
    except RedisError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "shared": True}


def may_see_detail(request) -> bool:
    """Staff, or the bearer of the monitoring token (when one is set)."""
    token = settings.HEALTHZ_TOKEN
    offered = request.headers.get("Authorization", "")
    if token and hmac.compare_digest(offered.encode(), f"Bearer {token}".encode()):
        return True
    return request.user.is_authenticated and request.user.is_staff


@never_cache
@require_GET
def healthz(request):
    """200 when the database and Elasticsearch both answer; 503 when not.

    Anyone learns only up, degraded or down; staff and a monitor with the token also see which
    part fails. The shared cache (Redis) and the indexing worker ("ok", "failing", "stale",
    "never seen") are part of that detail but do not make the site unavailable: without Redis
    pages are rendered from the database and "degraded" is the status; without the worker,
    changes wait in the queue until it is back.
    """
    checks = {"database": database_status(), "elasticsearch": engine_status()}
    cache = cache_status()
    failing = sorted(name for name, check in checks.items() if not check["ok"])
    degraded = [] if cache["ok"] else ["cache"]
    status = "unavailable" if failing else "degraded" if degraded else "ok"
    body = {"status": status}
    if may_see_detail(request):
        body |= {
            "failing": failing,
            "degraded": degraded,
            **checks,
            "cache": cache,
            "worker": worker_status(),
        }
    return JsonResponse(body, status=503 if failing else 200)
