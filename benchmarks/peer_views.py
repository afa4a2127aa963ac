"""The peers' search endpoint: Wagtail's own search over the same pages, as JSON.

`/bench/peer/database/?q=...&lang=...` searches with Wagtail's database backend (PostgreSQL
full-text search), `/bench/peer/elasticsearch/...` with its Elasticsearch 8 backend, both as
the Wagtail documentation shows: `backend.search(text, queryset)`. The answer has what the
project's `/api/search/` answers about each hit (title, summary and URL in the reader's
language) and the total count, so both sides do comparable work; the peers have no facets.

The one filter the peers can apply is the country, through the page tree (the country sections):
Wagtail's search can filter only on the indexed fields of the searched model.
"""

from django.db.models import Q
from django.http import Http404, JsonResponse
from django.utils import translation
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from knowledge.models import CountrySectionPage, MethodPage, ProgrammePage

BACKENDS = {"database": "default", "elasticsearch": "elasticsearch"}
PAGE_SIZE = 10


def searched_pages(country):
    pages = Page.objects.live().type(ProgrammePage, MethodPage)
    if country:
        in_sections = Q()
        for section in CountrySectionPage.objects.filter(country=country):
            in_sections |= Q(path__startswith=section.path)
        pages = pages.filter(in_sections)
    return pages


def peer_search(request, backend):
    if backend not in BACKENDS:
        raise Http404("No such peer.")
    text = request.GET.get("q", "")[:300]
    language = request.GET.get("lang") or "da"
    with translation.override(language):
        results = get_search_backend(BACKENDS[backend]).search(
            text, searched_pages(request.GET.get("country"))
        )
        ids = [page.pk for page in results[:PAGE_SIZE]]
        count = results.count()
        pages = Page.objects.filter(pk__in=ids).specific().in_bulk()
        hits = [
            {
                "id": pk,
                "title": pages[pk].title,
                "summary": pages[pk].summary,
                "url": pages[pk].get_url(request),
            }
            for pk in ids
            if pk in pages
        ]
    return JsonResponse(
        {"count": count, "results": hits}, json_dumps_params={"ensure_ascii": False}
    )
