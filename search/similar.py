"""Pages like a given one from across the border, remembered for a while per page and language.

A programme page shows them on every view, and a more_like_this query costs the engine far more
than the rest of the page, so each worker keeps the answer in its cache (LocMem: one per worker
process) for `SIMILAR_SECONDS`. Publishing, unpublishing or deleting the page forgets its entry
at once in the worker that did it (`forget_similar`, wired in `signals.py`); the other workers,
and a change to one of the similar pages themselves, show the new answer when the entry expires.
An answer is not kept while the engine is down, so the block comes back as soon as it is up.
"""

from django.conf import settings
from django.core.cache import cache

from knowledge.languages import LANGUAGES

from .client import NOT_BUILT, UNAVAILABLE, get_client
from .query import build_similar
from .results import result_from_hit

#: The longest a similar-pages block can lag behind the index.
SIMILAR_SECONDS = 300
#: How many similar pages a programme page shows.
SIMILAR_COUNT = 4
#: The countries to look in for a page of each country scope.
OTHER_COUNTRY = {"DK": ["SE"], "SE": ["DK"], "BOTH": ["DK", "SE"]}


def _key(page_id, language):
    return f"search:similar:{page_id}:{language}"


def similar_across_border(page, language):
    """Results for pages from the other country like `page`; none when search is down."""
    key = _key(page.pk, language)
    results = cache.get(key)
    if results is not None:
        return results
    index = settings.ELASTICSEARCH_INDEX
    search = build_similar(page.pk, OTHER_COUNTRY[page.country], index, SIMILAR_COUNT)
    try:
        response = get_client().search(index=index, body=search.to_dict())
    except (*UNAVAILABLE, NOT_BUILT):
        return []
    results = [
        result_from_hit(hit, language)
        for hit in response["hits"]["hits"]
        if hit["_source"]["page_id"] != page.pk
    ]
    cache.set(key, results, SIMILAR_SECONDS)
    return results


def forget_similar(page_id):
    """Drop the page's remembered similar pages in every language."""
    cache.delete_many([_key(page_id, language) for language in LANGUAGES])
