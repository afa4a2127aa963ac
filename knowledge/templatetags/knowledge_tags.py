"""Template helpers for programme and method pages."""

from django import template
from django.utils import translation

from ..machine_translation.drafting import unreviewed
from ..models import EvidenceLevel
from ..translation_status import shown_language, translation_state

register = template.Library()


@register.simple_tag
def page_languages(page, versions):
    """The language switcher's entries with how far the page is translated into each.

    `shown` is the language the reader sees the text in when it differs from theirs, so the
    template can mark it with `lang` for screen readers.
    """
    state = translation_state(page)
    current = translation.get_language()
    shown = shown_language(page, current)
    return {
        "versions": [{**version, "state": state[version["code"]]} for version in versions],
        "shown": "" if shown == current else shown,
    }


@register.simple_tag
def evidence_steps(level):
    """The evidence scale as steps, for the small bar beside the badge (filled up to `level`)."""
    return [{"label": step.label, "filled": step <= level} for step in EvidenceLevel if step > 0]


@register.simple_tag
def machine_drafted(page):
    """What of the page the reader's language shows as a machine draft no one has reviewed."""
    return unreviewed(page, translation.get_language())
