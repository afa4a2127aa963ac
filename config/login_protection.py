"""Login protection with django-axes: its settings' callables and Wagtail's page-password form.

Axes counts failed logins in the database (its default handler), so every process counts the
same failures and a restart forgets none. A failure counts for one user name from one client
address (`AXES_LOCKOUT_PARAMETERS`): someone guessing from elsewhere cannot lock an editor out,
and the editor's own mistakes do not block their colleagues. Names are compared as the login
compares them, case and surrounding spaces aside.

Wagtail's form for a password-protected page checks the password itself, without `authenticate`,
so axes never hears of it: `authenticate_with_password` wraps Wagtail's view, counting a wrong
password for that restriction (a "user name" of its own) from that address, and answering the
same 429 once the limit is reached.
"""

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import render
from wagtail import views as wagtail_views


def username(request, credentials):
    """The name a login attempt is counted under (AXES_USERNAME_CALLABLE)."""
    source = credentials if credentials is not None else getattr(request, "POST", {})
    return (source.get("username") or "").strip().lower()


def lockout_response(request, original_response=None, credentials=None):
    """AXES_LOCKOUT_CALLABLE: 429, a page in the reader's language, the wait in `Retry-After`."""
    seconds = settings.LOGIN_FAILURE_WINDOW
    context = {"minutes": max(1, seconds // 60)}
    response = render(request, "login_throttled.html", context, status=429)
    response["Retry-After"] = str(seconds)
    return response


def authenticate_with_password(request, page_view_restriction_id, page_id):
    credentials = {"username": f"page-view-restriction:{page_view_restriction_id}"}
    if request.method == "POST" and not AxesProxyHandler.is_allowed(request, credentials):
        return lockout_response(request, credentials=credentials)
    response = wagtail_views.authenticate_with_password(request, page_view_restriction_id, page_id)
    if request.method == "POST" and response.status_code == 200:  # the form again: wrong password
        # Axes counts it; its middleware answers with the lockout once this was one too many.
        user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    return response
