"""Finding a child page by its slug with one query, not by loading every sibling.

wagtail-modeltranslation replaces `Page.route` with one that loads every child of a page and
compares slugs in Python. A country section holds thousands of programmes, so every request
for a programme built thousands of page objects (seconds per request at 10,000 pages). This
route asks the database only for the children whose slug in some language is the one
requested, then makes the same comparison (active language with fallback) on those few.
"""

from django.conf import settings
from django.db.models import Q
from django.http import Http404
from wagtail.url_routing import RouteResult

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def route(self, request, path_components):
    if not path_components:
        if self.live:
            return RouteResult(self)
        raise Http404
    child_slug, remaining = path_components[0], path_components[1:]
    any_language = Q()
    for language in LANGUAGES:
        any_language |= Q(**{f"slug_{language}": child_slug})
    for page in self.get_children().filter(any_language):
        if page.slug == child_slug:
            return page.specific.route(request, remaining)
    raise Http404


def install():
    """Called from the app's ready(), after wagtail-modeltranslation has patched the models."""
    from .models import CountrySectionPage

    CountrySectionPage.route = route
