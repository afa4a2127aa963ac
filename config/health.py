"""`/healthz`: is the site able to serve? For load balancers, uptime checks and operators.

Anyone learns up or down, by the status code (200 or 503) and `{"status": ...}`. Which part
fails, and the database vendor and engine's state, is for signed-in staff and for a monitor
that sends `Authorization: Bearer <HEALTHZ_TOKEN>`: an anonymous caller has no use for it.
"""

import hmac

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from search.client import engine_status
from search.worker import status as worker_status


def database_status() -> dict:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except DatabaseError as error:
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "vendor": connection.vendor}


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

    Anyone learns only up or down; staff and a monitor with the token also see which part fails.
    The indexing worker's state ("ok", "failing", "stale", "never seen") is part of that detail
    but does not make the site unavailable: pages and search are served without it; only
    changes wait in the queue until it is back.
    """
    checks = {"database": database_status(), "elasticsearch": engine_status()}
    failing = sorted(name for name, check in checks.items() if not check["ok"])
    body = {"status": "ok" if not failing else "unavailable"}
    if may_see_detail(request):
        body |= {"failing": failing, **checks, "worker": worker_status()}
    return JsonResponse(body, status=503 if failing else 200)
