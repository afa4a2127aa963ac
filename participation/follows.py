"""Following a search: which search a follow means, and what is new in it since the last digest.

A follow stores the search's query string as the search page reads it (text and filters; not
the page, its size or the order), and each digest runs that search again through the search
app, newest first, keeping the pages published since the last digest. So a digest lists what the
search page would show, with the same one rule of who may see what.
"""

from dataclasses import replace
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.http import QueryDict
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override
from wagtail.models import Page

from base.visibility import publicly_visible
from search.documents import FACETS
from search.params import MAX_PAGE_SIZE, SearchQuery, error_messages, query_data
from search.results import facet_labels, run_search
from search.views import FACET_TITLES

from . import mail
from .models import Follow

#: The parameters that say what is searched; the rest only say how it is shown.
FOLLOWED = ("q", *FACETS)


def followed_query(query):
    """The query string of what a search finds, validated: `(query_string, None)`, or
    `(None, [messages])` when the search page would refuse it too."""
    kept = QueryDict(mutable=True)
    for name in FOLLOWED:
        values = [value for value in query.getlist(name) if name != "q" or value.strip()]
        if values:
            kept.setlist(name, sorted(values) if name != "q" else values[-1:])
    search = SearchQuery(data=query_data(kept))
    if not search.is_valid():
        return None, error_messages(search.errors)
    return kept.urlencode(), None


def search_params(query_string, language, **changes):
    """The SearchParams of a stored query string (None if it no longer validates, say a theme
    has since been deleted)."""
    search = SearchQuery(data=query_data(QueryDict(query_string)))
    if not search.is_valid():
        return None
    params = search.search_params(language)
    return replace(params, **changes)


def describe(query_string, language):
    """What a follow follows, as a reader of `language` reads it: the text and each filter."""
    params = search_params(query_string, language)
    if params is None:
        return query_string
    parts = [f"“{params.q}”"] if params.q else []
    with override(language):
        for name, values in params.filters.items():
            labels = facet_labels(name, values, language)
            names = ", ".join(labels.get(value, value) for value in values)
            parts.append(f"{FACET_TITLES[name]}: {names}")
        return " · ".join(parts) or _("every programme and method")


def search_url(query_string):
    return reverse("search") + (f"?{query_string}" if query_string else "")


def new_pages(follow, since):
    """The pages the follow's search finds that were published after `since`, newest first."""
    params = search_params(
        follow.query, follow.language, sort="newest", page=1, page_size=MAX_PAGE_SIZE
    )
    if params is None:
        return []
    ids = [result.id for result in run_search(params).results]
    pages = publicly_visible(Page.objects.filter(pk__in=ids, last_published_at__gt=since))
    return list(pages.specific().order_by("-last_published_at"))


def due_follows(now):
    last = now - timedelta(days=settings.PARTICIPATION_DIGEST_DAYS)
    return Follow.objects.filter(confirmed_at__isnull=False, covered_until__lte=last)


def send_digests():
    """One digest to every confirmed follow whose week is over and whose search has news."""
    now = timezone.now()
    for follow in due_follows(now):
        pages = new_pages(follow, follow.covered_until)
        if pages:
            with override(follow.language):
                listed = [(page.title, mail.absolute(page.get_url() or "/")) for page in pages]
            mail.digest(follow, describe(follow.query, follow.language), listed)
        follow.covered_until = now
        follow.save(update_fields=["covered_until"])


def start(email, query_string, language):
    """A new, unconfirmed follow, and the mail that asks to confirm it; neither if the mail
    cannot be sent (the error goes on to the caller)."""
    with transaction.atomic():
        follow = Follow.objects.create(email=email, query=query_string, language=language)
        mail.confirm_follow(follow, describe(query_string, language))
    return follow


def confirm(follow):
    if follow.confirmed_at is None:
        follow.confirmed_at = follow.covered_until = timezone.now()
        follow.save(update_fields=["confirmed_at", "covered_until"])
