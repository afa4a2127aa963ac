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
pages) carry the content version (base/content_cache.py) in their keys; the search app's signals
bump it once a restriction change or a move has been queued for the index, so no entry from
before is read again in any worker.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from wagtail.models import Page, PageViewRestriction


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
