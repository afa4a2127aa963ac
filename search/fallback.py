"""Search from the database when Elasticsearch cannot be reached: plain matching, no facets.

Slower and cruder than the engine, but a practitioner still gets an answer, with a notice.
Matching with `icontains` scans the pages, so it reads at most MAX_RESULTS of each page type and
counts at most MAX_RESULTS: deeper pages are not offered, and a larger count is cut to the bound.
"""

from django.db.models import Q

from base.languages import LANGUAGES
from base.visibility import publicly_visible
from knowledge.models import MethodPage, ProgrammePage

MATCHED_FIELDS = ["title", "summary"]
#: The most matches read (and counted) from each page type while the engine is away.
MAX_RESULTS = 200


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
    """`(count, pages)`: the requested page of visible programmes and methods matching the text.

    Both are bounded: the count by MAX_RESULTS, the pages by the end of the requested page.
    """
    condition = text_filter(params.q) if params.q else Q()
    querysets = [
        publicly_visible(model.objects).filter(condition).order_by("-last_published_at")
        for model in (ProgrammePage, MethodPage)
    ]
    end = min(params.offset + params.page_size, MAX_RESULTS)
    pages = [page for queryset in querysets for page in queryset[:end]]
    pages.sort(key=lambda page: page.last_published_at, reverse=True)
    count = min(sum(queryset[:MAX_RESULTS].count() for queryset in querysets), MAX_RESULTS)
    return count, pages[params.offset : end]
