"""sitemap.xml: every live public page in Danish, Swedish and English, with hreflang alternates.

Django's sitemap framework rather than Wagtail's: Wagtail lists language versions only with its
own i18n (a page tree per locale), while here one page has its three languages in its fields.
"""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .visibility import publicly_visible


class PageSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        return publicly_visible(site.root_page.get_descendants(inclusive=True)).order_by("path")

    def location(self, page):
        """The page's path in the active language (the framework activates each in turn)."""
        _site_id, _root_url, path = page.get_url_parts()
        return path

    def lastmod(self, page):
        return page.last_published_at


sitemaps = {"pages": PageSitemap}
