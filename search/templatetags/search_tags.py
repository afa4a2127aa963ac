"""Template tags that show search results inside other pages."""

from django import template
from django.conf import settings

from ..client import NOT_BUILT, UNAVAILABLE, get_client
from ..query import build_similar
from ..results import result_from_hit

register = template.Library()

OTHER_COUNTRY = {"DK": ["SE"], "SE": ["DK"], "BOTH": ["DK", "SE"]}


@register.simple_tag(takes_context=True)
def similar_across_border(context, page, size=4):
    """Up to `size` pages from the other country like this one; none when search is down."""
    search = build_similar(page.pk, OTHER_COUNTRY[page.country], settings.ELASTICSEARCH_INDEX, size)
    try:
        response = get_client().search(index=settings.ELASTICSEARCH_INDEX, body=search.to_dict())
    except (*UNAVAILABLE, NOT_BUILT):
        return []
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    return [
        result_from_hit(hit, language)
        for hit in response["hits"]["hits"]
        if hit["_source"]["page_id"] != page.pk
    ]
