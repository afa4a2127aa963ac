"""The one language a programme or method page must be written in: its original language.

wagtail-modeltranslation requires a page's required texts in the site's default language
(Danish), so a Swedish editor had to write Danish before publishing. Here the page's own
`original_language` takes that place: its title, slug and summary must be written in it, and
every other language of every field is optional (the site shows the original where a
translation is missing, base/languages.py). The model holds the rule (`KnowledgePage.clean_fields`,
so `full_clean` and every save check it) and the admin form marks the fields and says why. A
page's rows (its goals) may likewise be written in any one language (`install`).
"""

from django.utils.translation import gettext_lazy as _

from base.languages import DEFAULT_LANGUAGE, LANGUAGES, language_name

#: The texts a page must have in its original language.
REQUIRED_FIELDS = ("title", "slug", "summary")
#: The language a new page in a country's section starts with as its original.
SECTION_LANGUAGE = {"DK": "da", "SE": "sv"}


def required_names(language):
    """The field names the page must fill when `language` is its original."""
    return [f"{name}_{language}" for name in REQUIRED_FIELDS]


def default_language_names():
    """The fields wagtail-modeltranslation requires, in the default language."""
    return required_names(DEFAULT_LANGUAGE)


def required_message(language):
    """Why the field may not be empty, in the editor's language."""
    return _(
        "Required. %(language)s is the page's original language, the one it must be written "
        "in; the other languages are optional."
    ) % {"language": language_name(language)}


def missing_required(page):
    """`{field name: message}` for the original language's required texts that are empty."""
    language = page.original_language
    if language not in LANGUAGES:
        return {}
    return {
        name: required_message(language)
        for name in required_names(language)
        if not str(getattr(page, name, "") or "").strip()
    }


def install():
    """Called from the app's ready(), after wagtail-modeltranslation has made a goal's text
    required in the default language: a goal needs its text in some language, any one (the
    untranslated `text` field, which reads the first language that has one, stays required)."""
    from .models import ProgrammeGoal

    ProgrammeGoal._meta.get_field(f"text_{DEFAULT_LANGUAGE}").blank = True
