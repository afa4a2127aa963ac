"""Routing a URL down the page tree with one query for all its levels.

wagtail-modeltranslation replaces `Page.route` with one that loads every child of a page and
compares slugs in Python, then asks again for the chosen child's specific page, level after
level. A country section holds thousands of programmes, so that built thousands of page objects
per request, and a programme's URL cost two queries per level of the tree.

This route asks the database once for the pages at each level below the page whose slug in some
language is that level's part of the path, then walks down those few comparing the slug each
page's path in the active language ends in (the first child in tree order wins). A page written
in one language only has that path in every language: `set_url_path` builds each language's
path from the slug a reader of it is shown, by the one fallback rule (`languages.in_language`:
the reader's language, then the page's original), so a link and the route agree.
A page on the way whose type routes differently (one without this route) is handed the rest of
the path, as Wagtail would. The pages walked through are kept on the page found
(`route_ancestors`) so that the breadcrumbs need not ask for them again.

The translated slug columns have an index each, with the depth (base/slug_indexes.py), so that
query is one index look-up per level and language, whatever the size of the tree.
"""

from collections import defaultdict

from django.db.models import Q
from django.http import Http404
from wagtail.models import Page
from wagtail.url_routing import RouteResult

from .languages import LANGUAGES, in_language


def slug_is(slug):
    """The slug in any language: the database's cheap first sieve."""
    any_language = Q()
    for language in LANGUAGES:
        any_language |= Q(**{f"slug_{language}": slug})
    return any_language


def route(self, request, path_components):
    if not path_components:
        if self.live:
            return RouteResult(self)
        raise Http404
    levels = Q()
    for offset, slug in enumerate(path_components, start=1):
        levels |= Q(depth=self.depth + offset) & slug_is(slug)
    return _walk(self, request, path_components, Page.objects.descendant_of(self).filter(levels))


def _walk(self, request, path_components, candidates):
    """Down from this page through `candidates`, one part of the path per level."""
    children = defaultdict(list)
    for page in candidates.order_by("path"):
        children[page.path[: -Page.steplen]].append(page)

    walked, current = [], self
    for position, slug in enumerate(path_components):
        child = next((page for page in children[current.path] if shown_slug(page) == slug), None)
        if child is None:
            raise Http404
        remaining = path_components[position + 1 :]
        if remaining and getattr(child.specific_class, "route", None) is route:
            walked.append(child)
            current = child
            continue
        found = child.specific
        result = found.route(request, remaining)
        if result.page is found:
            found.route_ancestors = [self, *walked]
        return result


def shown_slug(page):
    """The last part of the page's path in the active language: the slug its links carry."""
    return page.url_path.rstrip("/").rpartition("/")[2]


def set_url_path(self, parent):
    """Each language's `url_path`: the parent's in that language, then the slug `in_language`
    shows a reader of it (wagtail-modeltranslation's would fall back to the default language,
    not the page's original)."""
    for language in LANGUAGES:
        if parent is None:
            path = "/"
        else:
            parent_path = getattr(parent, f"url_path_{language}") or parent.url_path
            path = f"{parent_path}{in_language(self, 'slug', language).text}/"
        setattr(self, f"url_path_{language}", path)
    return self.url_path


def install(*page_classes):
    """Called from the apps' ready(), after wagtail-modeltranslation has patched the models."""
    for page_class in page_classes:
        page_class.route = route


def install_url_paths(*page_classes):
    """The same, for the pages whose texts may be written in one language only."""
    for page_class in page_classes:
        page_class.set_url_path = set_url_path
