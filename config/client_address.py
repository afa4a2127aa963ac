"""The address a request came from, for counting logins and requests per client.

Behind a reverse proxy every request arrives from the proxy's address, and the client's own is
the last one the proxy appended to `X-Forwarded-For`. Anyone can send that header, so it is read
only when the request comes from one of TRUSTED_PROXIES (addresses from the environment), and
then from the right: past every trusted proxy, the first address is the one a trusted proxy saw.
django-axes and django-ratelimit both take this one function (each would otherwise decide on
its own: axes through django-ipware when installed, ratelimit from REMOTE_ADDR), so that the
login protection and the rate limits agree on who a client is.
"""

from django.conf import settings


def client_address(request):
    address = request.META.get("REMOTE_ADDR", "")
    if address not in settings.TRUSTED_PROXIES:
        return address
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for hop in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if hop not in settings.TRUSTED_PROXIES:
            return hop
    return address


def client_key(group, request):
    """django-ratelimit's key: one count per client address."""
    return client_address(request)
