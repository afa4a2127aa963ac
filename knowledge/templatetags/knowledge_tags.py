"""Template helpers for programme and method pages."""

from django import template
from django.utils import translation

from base.languages import in_language

from ..machine_translation.drafting import unreviewed
from ..models import EvidenceLevel
from ..models.evidence import rating_facts
from ..models.implementation import IMPLEMENTATION_TEXTS
from ..translation_status import translation_state

register = template.Library()


@register.simple_tag
def page_languages(page, versions):
    """The language switcher's entries with how far the page is translated into each, and the
    title and summary by `in_language`.

    `shown` is the language the reader sees the summary in when it differs from theirs, and
    `title_language` the title's, so the template can mark them with `lang` for screen readers.
    """
    state = translation_state(page)
    current = translation.get_language()
    title = in_language(page, "title", current)
    summary = in_language(page, "summary", current)
    return {
        "versions": [{**version, "state": state[version["code"]]} for version in versions],
        "title": title.text,
        "title_language": "" if title.language == current else title.language,
        "summary": summary.text,
        "shown": "" if summary.language == current else summary.language,
    }


@register.simple_tag
def shown(obj, field, original=None):
    """`obj.<field>` by `in_language`, and `lang`: its language when not the reader's, else "".

    A page's texts take the page's original language; pass it (`page.original_language`) for
    what belongs to the page, such as its goals and studies.
    """
    reader = translation.get_language()
    text, language = in_language(obj, field, reader, original)
    return {"text": text, "lang": "" if language == reader else language}


@register.simple_tag
def evidence_steps(level):
    """The evidence scale as steps, for the small bar beside the badge (filled up to `level`)."""
    return [{"label": step.label, "filled": step <= level} for step in EvidenceLevel if step > 0]


@register.simple_tag
def machine_drafted(page):
    """What of the page the reader's language shows as a machine draft no one has reviewed."""
    return unreviewed(page, translation.get_language())


register.simple_tag(rating_facts, name="rating_facts")


@register.simple_tag
def implementation_texts():
    """`[(field, label)]` of the implementation block's texts, in the order they are shown."""
    return IMPLEMENTATION_TEXTS
