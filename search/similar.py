"""Pages like a given one from across the border, remembered for a while per page and language.

A programme page shows them on every view, and a more_like_this query costs the engine far more
than the rest of the page, so the answer is kept in the shared cache for `SIMILAR_SECONDS`, under
the content version (base/content_cache.py): a publish of this page or of one of the
similar pages themselves asks every worker for a new answer at once. An answer is not kept
while the engine is down, so the block comes back as soon as it is up.
"""

from django.conf import settings
from django.core.cache import cache

from base.content_cache import versioned_key

from .client import NOT_BUILT, UNAVAILABLE, get_client
from .query import build_similar
from .results import result_from_hit

#: The longest a similar-pages block can lag behind the index.
SIMILAR_SECONDS = 300
#: How many similar pages a programme page shows.
SIMILAR_COUNT = 4
#: The countries to look in for a page of each country scope.
OTHER_COUNTRY = {"DK": ["SE"], "SE": ["DK"], "BOTH": ["DK", "SE"]}


def _key(page_id, language, version=None):
    return versioned_key("similar", page_id, language, version=version)


def similar_across_border(page, language, version=None):
    """Results for pages from the other country like `page`; none when search is down.

    `version` is the content version the page's view has read already, if it has.
    """
    key = _key(page.pk, language, version)
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
