"""Atom feeds of new and updated programmes, all or one theme's, in the reader's language.

They live under the language prefix (/da/feeds/programmes/ ...): titles and summaries are in
that language, or in the page's original language where a translation is missing.
"""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.http import urlencode
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from base.languages import in_language

from ..models import ProgrammePage
from .queries import published

FEED_LENGTH = 50


class ProgrammeFeed(Feed):
    """The newest published changes first; `theme` (a Theme or None) narrows it to one theme."""

    feed_type = Atom1Feed
    author_name = settings.WAGTAIL_SITE_NAME

    def get_object(self, request, theme=None):
        return theme

    def title(self, theme):
        if theme is None:
            return _("Bro: new and updated programmes")
        return _("Bro: new and updated programmes about %(theme)s") % {"theme": theme.name}

    def subtitle(self, theme):
        return _("Crime-prevention programmes from Denmark and Sweden, newest changes first.")

    def link(self, theme):
        query = f"?{urlencode({'themes': theme.slug})}" if theme else ""
        return reverse("search") + query

    def items(self, theme):
        pages = published(ProgrammePage).prefetch_related("themes")
        if theme is not None:
            pages = pages.filter(themes=theme)
        return pages.order_by("-last_published_at", "-pk")[:FEED_LENGTH]

    def item_title(self, page):
        return in_language(page, "title", get_language()).text

    def item_description(self, page):
        return in_language(page, "summary", get_language()).text

    def item_link(self, page):
        return page.get_url()

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at

    def item_categories(self, page):
        return [theme.name for theme in page.themes.all()]
