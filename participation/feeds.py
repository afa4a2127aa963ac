"""Any search, with its filters, as an Atom feed: the newest pages it finds first.

The programme feed's entries (titles, summaries, dates in the reader's language) with the
search's pages instead of every programme's.
"""

from django.utils.translation import get_language
from django.utils.translation import gettext as _
from wagtail.models import Page

from base.visibility import publicly_visible
from knowledge.open_data.feeds import FEED_LENGTH, ProgrammeFeed
from search.results import run_search

from . import follows


class SearchFeed(ProgrammeFeed):
    def get_object(self, request, query_string):
        return query_string

    def title(self, query_string):
        return _("Bro: %(search)s") % {"search": follows.describe(query_string, get_language())}

    def link(self, query_string):
        return follows.search_url(query_string)

    def items(self, query_string):
        params = follows.search_params(
            query_string, get_language(), sort="newest", page=1, page_size=FEED_LENGTH
        )
        ids = [result.id for result in run_search(params).results]
        pages = publicly_visible(Page.objects.filter(pk__in=ids)).specific()
        return sorted(pages, key=lambda page: page.last_published_at, reverse=True)
