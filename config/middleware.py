"""Django's LocaleMiddleware, minus its 404 redirect for the language-neutral endpoints.

On a 404 for a path without a language prefix, Django redirects to the prefixed path when that
path would resolve, and Wagtail's catch-all page route makes every path resolve. A JSON "not
found" from the API must stay a 404, not become a redirect to an HTML page.
"""

from django.middleware.locale import LocaleMiddleware

LANGUAGE_NEUTRAL_PREFIXES = ("/api/", "/healthz", "/admin/", "/documents/")


class SiteLocaleMiddleware(LocaleMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(LANGUAGE_NEUTRAL_PREFIXES):
            return response
        return super().process_response(request, response)
