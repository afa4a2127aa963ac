"""Per-client limits on the expensive anonymous endpoints: search, suggest, exports, overview.

django-ratelimit counts the requests of each client (config/client_address.py) in fixed windows
in the shared cache, so every worker adds to the same count. Past the group's rate in
RATE_LIMITS the view is not run: the answer is a 429 with `Retry-After` (the seconds to the end
of the window) and a message in the reader's language, JSON under /api/ and a page elsewhere.

When the cache cannot count (Redis down), the request is let through (RATELIMIT_FAIL_OPEN in
the settings): for the length of the outage the site stays open to everyone, unlimited, rather
than closed to everyone; /healthz reports the outage.
"""

from functools import wraps

from django.conf import settings
from django.http import JsonResponse
from django.shortcuts import render
from django.utils.translation import ngettext
from django_ratelimit.core import get_usage


def rate_for(group, request):
    return settings.RATE_LIMITS[group]


def rate_limited(group):
    """Count each request to the view in `group` and refuse those past the group's rate."""

    def decorator(view):
        @wraps(view)
        def limited(request, *args, **kwargs):
            usage = get_usage(
                request,
                group=group,
                key="config.client_address.client_key",
                rate=rate_for,
                increment=True,
            )
            if usage is not None and usage["should_limit"]:
                return too_many_requests(request, max(1, usage["time_left"]))
            return view(request, *args, **kwargs)

        return limited

    return decorator


def too_many_requests(request, seconds):
    message = ngettext(
        "Too many requests. Wait %(seconds)d second, then try again.",
        "Too many requests. Wait %(seconds)d seconds, then try again.",
        seconds,
    ) % {"seconds": seconds}
    if request.path_info.startswith("/api/"):
        response = JsonResponse(
            {"error": message}, status=429, json_dumps_params={"ensure_ascii": False}
        )
    else:
        response = render(request, "too_many_requests.html", {"message": message}, status=429)
    response["Retry-After"] = str(seconds)
    return response
