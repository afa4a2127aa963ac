"""Search from the database when Elasticsearch cannot be reached: plain matching, no facets.

Slower and cruder than the engine, but a practitioner still gets an answer, with a notice.
"""

from django.db.models import Q

from base.visibility import publicly_visible
from knowledge.languages import LANGUAGES
from knowledge.models import MethodPage, ProgrammePage

MATCHED_FIELDS = ["title", "summary"]


def text_filter(text):
    condition = Q()
    for word in text.split()[:10]:
        any_field = Q()
        for field in MATCHED_FIELDS:
            for language in LANGUAGES:
                any_field |= Q(**{f"{field}_{language}__icontains": word})
        condition &= any_field
    return condition


def database_search(params):
    """`(count, pages)`: the requested page of visible programmes and methods matching the text."""
    condition = text_filter(params.q) if params.q else Q()
    querysets = [
        publicly_visible(model.objects).filter(condition) for model in (ProgrammePage, MethodPage)
    ]
    end = params.offset + params.page_size
    pages = [
        page for queryset in querysets for page in queryset.order_by("-last_published_at")[:end]
    ]
    pages.sort(key=lambda page: page.last_published_at, reverse=True)
    count = sum(queryset.count() for queryset in querysets)
    return count, pages[params.offset : end]
