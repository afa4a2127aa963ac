"""What every public page carries: the main navigation, breadcrumbs and structured data."""

import json

from django import template
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page, Site

from base.languages import in_language

register = template.Library()

#: Open Graph wants a territory with the language.
OG_LOCALES = {"da": "da_DK", "sv": "sv_SE", "en": "en_GB"}
#: How long the shared cache keeps the pages of the navigation. Publishing, unpublishing, moving
#: or deleting a page just below the home page forgets them there, for every worker at once
#: (`forget_navigation`, wired in `base/apps.py`); other publishes leave the navigation alone.
NAVIGATION_SECONDS = 300
NAVIGATION_KEY = "site:navigation-pages"


def navigation_pages():
    """The live pages just below the home page, in tree order, from the shared cache when it has
    them: the programme and method indexes, or whatever the editors put there."""
    cached = cache.get(NAVIGATION_KEY)
    if cached is None:
        site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
        root = site.root_page if site else None
        pages = list(root.get_children().live()) if root else []
        cached = (root.path if root else None, pages)
        cache.set(NAVIGATION_KEY, cached, NAVIGATION_SECONDS)
    return cached[1]


def forget_navigation(instance, parent_page_before=None, parent_page_after=None, **kwargs):
    """Forget the navigation when a page just below the home page changed, came or went.

    A change anywhere deeper (a programme published, say) leaves the cached navigation alone.
    """
    cached = cache.get(NAVIGATION_KEY)
    if cached is None:
        return
    parents = {instance.path[: -Page.steplen]}
    parents.update(page.path for page in (parent_page_before, parent_page_after) if page)
    if cached[0] in parents:
        cache.delete(NAVIGATION_KEY)


@register.simple_tag(takes_context=True)
def main_navigation(context):
    """The header's links: the pages below the home page, then search, compare and the overview.

    The pages come from the cache (two queries when it is cold); their titles and URLs come in
    the active language.
    """
    request = context.get("request")
    items = [{"url": page.get_url(request), "label": page.title} for page in navigation_pages()]
    for name, label in (
        ("search", _("Search")),
        ("compare", _("Compare")),
        ("overview", _("Overview")),
    ):
        items.append({"url": reverse(name), "label": label})
    path = request.path if request else ""
    for item in items:
        item["current"] = current_marker(path, item["url"])
    return items


def current_marker(path, url):
    """aria-current for a navigation link: "page" on the page itself, "true" below it."""
    if not url or not path.startswith(url):
        return ""
    return "page" if path == url else "true"


@register.simple_tag(takes_context=True)
def breadcrumbs(context):
    """`[(title, url), ...]` from the home page down to the page's parent; empty on home."""
    page = context.get("page")
    if not isinstance(page, Page) or page.depth <= 2:
        return []
    request = context.get("request")
    # The routing has walked through them already, unless the page came another way.
    walked = getattr(page, "route_ancestors", None)
    if walked and walked[0].depth <= 2:
        ancestors = [p for p in walked if p.depth >= 2]
    else:
        ancestors = page.get_ancestors().filter(depth__gte=2)
    return [(p.title, p.get_url(request)) for p in ancestors]


@register.simple_tag(takes_context=True)
def page_description(context):
    """The page's own words for search engines and link previews, if it has any."""
    page = context.get("page")
    for name in ("search_description", "summary", "intro"):
        text = getattr(page, name, "")
        if text:
            return text
    return ""


@register.simple_tag
def og_locale(code):
    return OG_LOCALES.get(code, code)


@register.simple_tag(takes_context=True)
def structured_data(context, trail, description=""):
    """JSON-LD in a <script> element: WebSite on the home page, WebPage elsewhere.

    schema.org has no type for a prevention programme, so a page is described as what it is, a
    WebPage with its breadcrumb, language and sources (the `sources` a knowledge page's context
    holds); the home page declares the site search.
    The JSON is escaped so that no text from a page can close the <script> element.
    """
    request = context["request"]
    page = context.get("page")
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    home_url = request.build_absolute_uri(f"/{language}/")
    site = {"@type": "WebSite", "name": "Bro", "url": home_url, "inLanguage": language}
    if not isinstance(page, Page):
        return ""
    if page.depth <= 2:
        search_url = request.build_absolute_uri(reverse("search"))
        data = {
            **site,
            "description": str(description),
            "potentialAction": {
                "@type": "SearchAction",
                "target": f"{search_url}?q={{search_term_string}}",
                "query-input": "required name=search_term_string",
            },
        }
    else:
        title = in_language(page, "title", language)
        data = {
            "@type": "WebPage",
            "name": title.text,
            "description": str(description),
            "url": request.build_absolute_uri(page.get_url(request)),
            "inLanguage": title.language,
            "isPartOf": site,
            "breadcrumb": {
                "@type": "BreadcrumbList",
                "itemListElement": [
                    {
                        "@type": "ListItem",
                        "position": position,
                        "name": title,
                        "item": request.build_absolute_uri(url),
                    }
                    for position, (title, url) in enumerate(trail, start=1)
                ],
            },
        }
        if page.last_published_at:
            data["dateModified"] = page.last_published_at.isoformat()
        citations = context.get("sources")
        if citations:
            data["citation"] = [
                {"@type": "CreativeWork", "name": link.source.title, **_url(link.source.url)}
                for link in citations
            ]
    return _json_ld({"@context": "https://schema.org", **data})


def _url(url):
    return {"url": url} if url else {}


def _json_ld(data):
    text = json.dumps(data, ensure_ascii=False)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026")):
        text = text.replace(char, escaped)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # noqa: S308
