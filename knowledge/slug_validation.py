"""Checking that a page's slug is free among its siblings by asking the database.

wagtail-modeltranslation checks slugs on every save of a page (`clean`) by loading every sibling
and comparing their slugs in Python, language by language. A country section holds tens of
thousands of programmes, so one save took seconds (eight at 100,000 pages, and a publish checks
twice). This check keeps its rule, with one query per language: in each language, the slug a page
shows (its own in that language, or a fallback language's when that is empty) must differ from
the slug every sibling shows in it.
"""

from django.db.models import Q
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.utils import build_localized_fieldname, resolution_order

from base.languages import LANGUAGES


def shown_slug_is(language, slug):
    """Pages whose slug in `language`, after falling back through empty ones, is `slug`."""
    condition, earlier_empty = Q(), Q()
    for fallback in dict.fromkeys(resolution_order(language)):
        field = f"slug_{fallback}"
        condition |= earlier_empty & Q(**{field: slug})
        earlier_empty &= Q(**{f"{field}__isnull": True}) | Q(**{field: ""})
    return condition


def slug_errors(page):
    """`{slug field: message}` for each language whose slug a sibling already shows."""
    if page.get_parent() is None:  # the root, or a page not yet placed in the tree
        return {}
    siblings = page.get_siblings(inclusive=False)
    errors = {}
    for language in LANGUAGES:
        with translation.override(language):
            slug = page.slug
        if siblings.filter(shown_slug_is(language, slug)).exists():
            errors[build_localized_fieldname("slug", language)] = _("This slug is already in use")
    return errors


def install():
    """Called from the app's ready(): every page's `clean` then uses this check."""
    from wagtail_modeltranslation import patch_wagtailadmin

    patch_wagtailadmin._validate_slugs = slug_errors
