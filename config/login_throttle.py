"""Slows down password guessing: too many failed logins answer 429 for a while.

Failed attempts are counted in the cache per client IP address and user name (Django's
`user_login_failed` signal, so every login form that calls `authenticate` counts). After
LOGIN_FAILURE_LIMIT failures (5) within LOGIN_FAILURE_WINDOW seconds (15 minutes), further
login attempts with that name from that address get a 429 until the window has passed; a
successful login clears the count. Five tries is plenty for a forgotten password, and fifteen
minutes makes guessing hopeless (under 500 tries a day per name and address) without locking
an editor out for long. The count lives in the default cache: give production a shared cache
(Redis, the database) when it runs more than one process.
"""

import hashlib

from django.conf import settings
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.cache import cache
from django.shortcuts import render

#: The login views guarded: Wagtail's admin login and Django's own, wherever they are routed.
LOGIN_VIEWS = {"wagtailadmin_login", "login", "admin:login"}


def client_address(request):
    return request.META.get("REMOTE_ADDR", "")


def throttle_key(address, username):
    digest = hashlib.sha256(f"{address}\n{username.strip().lower()}".encode()).hexdigest()
    return f"login-failures:{digest}"


def record_failure(sender, credentials, request=None, **kwargs):
    if request is None:
        return
    key = throttle_key(client_address(request), credentials.get("username", ""))
    cache.add(key, 0, timeout=settings.LOGIN_FAILURE_WINDOW)
    try:
        cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=settings.LOGIN_FAILURE_WINDOW)


def clear_failures(sender, request, user, **kwargs):
    cache.delete(throttle_key(client_address(request), user.get_username()))


class LoginThrottleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        user_login_failed.connect(record_failure, dispatch_uid="login-throttle-failed")
        user_logged_in.connect(clear_failures, dispatch_uid="login-throttle-cleared")

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match.view_name not in LOGIN_VIEWS:
            return None
        key = throttle_key(client_address(request), request.POST.get("username", ""))
        if cache.get(key, 0) < settings.LOGIN_FAILURE_LIMIT:
            return None
        minutes = max(1, settings.LOGIN_FAILURE_WINDOW // 60)
        response = render(request, "login_throttled.html", {"minutes": minutes}, status=429)
        response["Retry-After"] = str(settings.LOGIN_FAILURE_WINDOW)
        return response
