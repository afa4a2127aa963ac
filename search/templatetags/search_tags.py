"""Template tags that show search results inside other pages."""

from django import template
from django.conf import settings

from .. import similar

register = template.Library()


@register.simple_tag(takes_context=True)
def similar_across_border(context, page):
    """Pages from the other country like this one (cached a while); none when search is down."""
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    return similar.similar_across_border(page, language)
