"""Checking that a page's slug is free among its siblings by asking the database.

wagtail-modeltranslation checks slugs on every save of a page (`clean`) by loading every sibling
and comparing their slugs in Python, language by language. A country section holds tens of
thousands of programmes, so one save took seconds (eight at 100,000 pages, and a publish checks
twice). This check keeps its rule, with one query per language: in each language, the path a
page will have must differ from every sibling's path in it. The path ends in the slug the page
shows in that language, after the fallback (base/routing.py builds it and routes by it), so a
slug that only a fallback shows counts as taken too.
"""

from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname

from base.languages import LANGUAGES


def slug_errors(page):
    """`{slug field: message}` for each language whose path a sibling already has."""
    parent = page.get_parent()
    if parent is None:  # the root, or a page not yet placed in the tree
        return {}
    page.set_url_path(parent)  # what saving the page will store
    siblings = page.get_siblings(inclusive=False)
    errors = {}
    for language in LANGUAGES:
        path = build_localized_fieldname("url_path", language)
        if siblings.filter(**{path: getattr(page, path)}).exists():
            errors[build_localized_fieldname("slug", language)] = _("This slug is already in use")
    return errors


def install():
    """Called from the app's ready(): every page's `clean` then uses this check."""
    from wagtail_modeltranslation import patch_wagtailadmin

    patch_wagtailadmin._validate_slugs = slug_errors
