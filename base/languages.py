"""The site's languages, and the one rule for which language a reader is shown a text in.

A text missing in the reader's language is shown in the page's original language (the one its
sources are written in, so the most faithful), else in the first language that has it, in
modeltranslation's fallback order. The page header, the comparison, the feeds, the search
results, the facet labels and the index's tags all follow this rule through `in_language`.

modeltranslation's bare attribute (`page.summary`) falls back without the original language,
as it cannot know it; code that shows a text in place of a missing translation uses
`in_language`, which also says which language the text is in, for the `lang` attribute.
"""

from typing import NamedTuple

from django.conf import settings
from django.db.models import Case, CharField, F, Value, When
from django.db.models.functions import Coalesce, Lower, NullIf
from django.utils.translation import get_language_info, gettext_lazy

#: Every language a text exists in, the site's default first (from settings.LANGUAGES).
LANGUAGES = tuple(code for code, _name in settings.LANGUAGES)
DEFAULT_LANGUAGE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
#: The languages tried after the reader's and the original: modeltranslation's order, then any
#: language it leaves out.
ANY_ORDER = tuple(
    dict.fromkeys([*settings.MODELTRANSLATION_FALLBACK_LANGUAGES["default"], *LANGUAGES])
)


#: The visible label after a text shown in another language than the reader's.
LANGUAGE_TAGS = {
    "da": gettext_lazy("in Danish"),
    "sv": gettext_lazy("in Swedish"),
    "en": gettext_lazy("in English"),
}


class Shown(NamedTuple):
    """A text and the language it is actually in."""

    text: object
    language: str


def fallback_order(reader, original=None):
    """The languages to try for a reader of `reader`: theirs, the original, then any."""
    return tuple(dict.fromkeys(code for code in (reader, original, *ANY_ORDER) if code))


def _value(obj, name):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def in_language(obj, field, reader, original=None):
    """`<field>_<language>` of a model instance or a row (a dict), by `fallback_order`.

    `original` defaults to the object's own `original_language` (pages and their index rows
    have one); pass the page's for the things a page links to (terms, goals, sources).
    Returns `Shown(text, language)`, or `Shown("", reader)` when no language has a text.
    """
    if original is None:
        original = _value(obj, "original_language")
    for language in fallback_order(reader, original):
        value = _value(obj, f"{field}_{language}")
        if value:
            return Shown(value, language)
    return Shown("", reader)


def in_language_order(field, reader):
    """The database's twin of `in_language` for ordering: a listing of pages with an
    `original_language` sorted by this (case-insensitively) is in the order of the titles the
    reader sees, so a page written in one language sorts by that title, not by an empty one."""

    def written(code):
        return NullIf(F(f"{field}_{code}"), Value(""))

    text = CharField()
    original = Case(
        *(When(original_language=code, then=written(code)) for code in LANGUAGES), output_field=text
    )
    return Lower(Coalesce(written(reader), original, *map(written, ANY_ORDER), output_field=text))


def language_name(code):
    """The language's name in the active language ("Svensk" for "sv" while reading Danish)."""
    return str(get_language_info(code)["name_translated"])


def language_tag(code):
    """The label "in Swedish" (in the active language) for a text shown in `code`."""
    return str(LANGUAGE_TAGS[code])


def written_languages(page):
    """The languages a page has its title in, the original first: its real language versions,
    the ones the sitemap and the alternate links name (the others show the fallback)."""
    original = getattr(page, "original_language", None) or DEFAULT_LANGUAGE
    return [code for code in fallback_order(original) if getattr(page, f"title_{code}", None)]
