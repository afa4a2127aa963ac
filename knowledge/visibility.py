"""What the public may see: the one rule every listing, count, export, feed and the index use.

A page is publicly visible when it is live and Wagtail would serve it without asking for a
password, a login or a group: no view restriction on it or on any page above it, an alias
counting as the page it copies (as `KnowledgePage.get_view_restrictions` and Wagtail's own
`check_view_restrictions` read them). Wagtail's `public()` misses the alias case, and a page
that only some can open must not show through search, a listing or a count either.

A function rather than a `PageQuerySet` method: it then applies to every queryset of pages the
site has, `ProgrammePage.objects`, `Page.objects`, `get_children()` and the related managers of
`methods` and `programmes` alike, without a custom manager on each page model.

Caches that hold what one page shows of others (a programme's rendered methods, its similar
pages) put `visibility_version()` in their keys. A restriction added or removed, or a page
moved, starts a new version (`visibility_changed`, called by the search app's signals once they
have queued the reindex), so no entry from before is read again.
"""

import uuid

from django.core.cache import cache
from django.db import transaction
from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction

VERSION_KEY = "knowledge:visibility-version"


def publicly_visible(pages):
    """The pages of a queryset (or manager) that anyone may see.

    The restrictions are read when the queryset is, in the same SQL: a page is hidden when a
    restricted page, or an alias of one, is the page itself or above it (its path a prefix).
    """
    restricted = PageViewRestriction.objects.values("page_id")
    restricted_above = Page.objects.filter(
        Q(pk__in=restricted) | Q(alias_of__in=restricted),
        path=Substr(OuterRef("path"), 1, Length("path")),
    )
    return pages.live().exclude(Exists(restricted_above))


def visibility_version():
    """The current version of who may see what, for the keys of caches that depend on it.

    A random token rather than a counter: a cull that drops it starts a new version instead of
    going back to an old one whose entries may still be cached.
    """
    return cache.get_or_set(VERSION_KEY, lambda: uuid.uuid4().hex, timeout=None)


def visibility_changed():
    """Start a new version once the change is committed, after what was queued before."""
    transaction.on_commit(lambda: cache.set(VERSION_KEY, uuid.uuid4().hex, timeout=None))
