"""`/healthz`: is the site able to serve? For load balancers, uptime checks and operators."""

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


@never_cache
@require_GET
def healthz(request):
    """200 when the database and Elasticsearch both answer; 503 naming the part that does not.

    The indexing worker's state ("ok", "failing", "stale", "never seen") is reported beside
    them but does not make the site unavailable: pages and search are served without it; only
    changes wait in the queue until it is back.
    """
    checks = {"database": database_status(), "elasticsearch": engine_status()}
    failing = sorted(name for name, check in checks.items() if not check["ok"])
    body = {"status": "ok" if not failing else "unavailable", "failing": failing, **checks}
    body["worker"] = worker_status()
    return JsonResponse(body, status=503 if failing else 200)
