"""The project's middleware: the site's locale handling and its content security policy.

SiteLocaleMiddleware is Django's LocaleMiddleware, minus its 404 redirect for the
language-neutral endpoints. On a 404 for a path without a language prefix, Django redirects to
the prefixed path when that path would resolve, and Wagtail's catch-all page route makes every
path resolve. A JSON "not found" from the API must stay a 404, not become a redirect to an
HTML page.
"""

from django.conf import settings
from django.middleware import csp
from django.middleware.locale import LocaleMiddleware

LANGUAGE_NEUTRAL_PREFIXES = ("/api/", "/healthz", "/admin/", "/documents/")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)


class ContentSecurityPolicyMiddleware(csp.ContentSecurityPolicyMiddleware):
    """Django's CSP middleware, with the admin's own, looser policy (SECURE_CSP_ADMIN).

    The public templates load nothing inline, so the site gets the strict SECURE_CSP. Wagtail's
    admin still has a few inline scripts (inline panels, date pickers) and style attributes,
    so under /admin/ inline code is allowed; everything else stays as strict as the site's.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/admin/") and not hasattr(response, "_csp_config"):
            response._csp_config = settings.SECURE_CSP_ADMIN
        return super().process_response(request, response)
