"""The language switcher (the page being read, in each of the site's languages), its alternate
links, and the label of a text shown in another language than the reader's."""

from django import template
from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from base import languages

register = template.Library()


@register.simple_tag
def language_tag(code):
    """ "in Swedish", in the reader's language (templates/components/language_tag.html)."""
    return languages.language_tag(code)


@register.simple_tag(takes_context=True)
def language_versions(context):
    """One entry per language with the URL of the same page in it.

    A Wagtail page knows its translated slugs, so its URL is built with that language active;
    any other view is reached by swapping the language prefix of the current path. The reader's
    own language comes last: wagtail-modeltranslation keeps one language's site root paths on
    the request, read from the shared cache, and the rest of the page needs the reader's.
    """
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    # The query string (a listing's page number, say) keeps the reader's place.
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    written = languages.written_languages(page) if isinstance(page, Page) else languages.LANGUAGES
    codes = [code for code, _name in settings.LANGUAGES]
    versions = []
    for code in sorted(codes, key=lambda code: code == current):
        with translation.override(code):
            if isinstance(page, Page):
                url = page.get_url(request) + query
            else:
                url = translate_url(request.get_full_path(), code)
        info = translation.get_language_info(code)
        versions.append(
            {
                "code": code,
                "name": info["name_local"].capitalize(),
                "url": url,
                "absolute_url": request.build_absolute_uri(url),
                "current": code == current,
                # A language the page is written in (a real alternate), and its original.
                "written": code in written,
                "default": code == written[0],
            }
        )
    return sorted(versions, key=lambda version: codes.index(version["code"]))
