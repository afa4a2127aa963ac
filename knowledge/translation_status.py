"""Which fields of a page still lack a translation, and in which language.

A field counts as missing in a language when it has text in another language but none in this
one: an empty optional field is not a translation gap.
"""

from django.db.models import Q
from modeltranslation.translator import translator
from wagtail.fields import StreamField

from base.languages import LANGUAGES

#: Page fields that are generated (slug, url_path) or optional metadata, not reader-facing text.
NOT_CHECKED = {"slug", "url_path", "seo_title", "search_description"}


def checked_fields(model):
    """The model's translated fields, in the order the model declares them."""
    registered = set(translator.get_options_for_model(model).get_field_names()) - NOT_CHECKED
    return [field.name for field in model._meta.get_fields() if field.name in registered]


def has_text(value):
    """True when a field's value (text, or a StreamField's blocks) holds anything."""
    if hasattr(value, "raw_data"):  # a StreamValue
        return len(value.raw_data) > 0
    return bool(value and str(value).strip())


def missing_translations(page):
    """`{language: [field verbose name, ...]}` for every language with a gap."""
    missing = {}
    for name in checked_fields(type(page)):
        filled = {lang for lang in LANGUAGES if has_text(getattr(page, f"{name}_{lang}"))}
        if filled:
            label = page._meta.get_field(name).verbose_name
            for lang in set(LANGUAGES) - filled:
                missing.setdefault(lang, []).append(label)
    return {lang: missing[lang] for lang in LANGUAGES if lang in missing}


def missing_in_language(model, language):
    """A filter for pages of `model` with a text field missing in `language`.

    StreamFields are left out: their empty value is a JSON list, not comparable in SQL.
    """

    def empty(name, lang):
        return Q(**{f"{name}_{lang}": ""}) | Q(**{f"{name}_{lang}__isnull": True})

    condition = Q(pk__in=[])
    for name in checked_fields(model):
        if isinstance(model._meta.get_field(name), StreamField):
            continue
        filled_elsewhere = Q(pk__in=[])
        for other in LANGUAGES:
            if other != language:
                filled_elsewhere |= ~empty(name, other)
        condition |= empty(name, language) & filled_elsewhere
    return condition


def translation_state(page):
    """`{language: "complete" | "partial" | "missing"}` for a reader of the page.

    "missing" means the summary is not written in that language, so the reader sees another
    language's text; "partial" means some other field still lacks its translation.
    """
    gaps = missing_translations(page)

    def state(lang):
        if not has_text(getattr(page, f"summary_{lang}")):
            return "missing"
        return "partial" if lang in gaps else "complete"

    return {lang: state(lang) for lang in LANGUAGES}
