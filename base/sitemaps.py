"""sitemap.xml: every live public page in each language it is written in, with hreflang
alternates for those languages and `x-default` for its original.

Django's sitemap framework rather than Wagtail's: Wagtail lists language versions only with its
own i18n (a page tree per locale), while here one page has its three languages in its fields. A
page written in Swedish only is served under /da/ and /en/ too (in Swedish, base/languages.py),
but those are not language versions of it, so they are not listed.
"""

from django.contrib.sitemaps import Sitemap
from wagtail.models import Page, Site

from .languages import written_languages
from .visibility import publicly_visible


class PageSitemap(Sitemap):
    i18n = True
    alternates = True

    def items(self):
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        if site is None:
            return Page.objects.none()
        pages = publicly_visible(site.root_page.get_descendants(inclusive=True))
        return pages.order_by("path").specific()

    def get_languages_for_item(self, page):
        return written_languages(page)

    def _urls(self, page, protocol, domain):
        """Django's entries with `x-default` added: the page in its original language, the
        first of its alternates. (Django's own x-default names an address without a language
        prefix, which this site does not serve.)"""
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            if url["alternates"]:
                original = url["alternates"][0]["location"]
                url["alternates"].append({"location": original, "lang_code": "x-default"})
        return urls

    def location(self, page):
        """The page's path in the active language (the framework activates each in turn)."""
        _site_id, _root_url, path = page.get_url_parts()
        return path

    def lastmod(self, page):
        return page.last_published_at


sitemaps = {"pages": PageSitemap}
