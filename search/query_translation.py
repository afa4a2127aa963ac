"""A Danish query also in Swedish, and a Swedish one in Danish, by Apertium on this machine.

The translation is one more clause of the query (`query.text_query`): it finds what neither the
thesaurus nor the compound splitting knows, such as "nabohjælp" ↔ "grannsamverkan". The reader's
language is taken as the query's. Apertium starts a process per call, so a translation is kept in
the cache every process shares, and a search waits for it `TIMEOUT_SECONDS` at most; without
Apertium, or when it is slow, the search goes on without the clause.
"""

import hashlib

from django.core.cache import cache

from knowledge.machine_translation import apertium

TIMEOUT_SECONDS = 5
CACHE_SECONDS = 24 * 60 * 60
OTHER = {"da": "sv", "sv": "da"}


def translations(text, language):
    """The query in the other Scandinavian language, as a list of zero or one texts."""
    target = OTHER.get(language)
    if not target or not text.strip():
        return []
    digest = hashlib.sha256(text.encode()).hexdigest()
    key = f"search-translation:{language}:{target}:{digest}"
    found = cache.get(key)
    if found is None:
        try:
            [found] = apertium.translate([(text, False)], language, target, timeout=TIMEOUT_SECONDS)
        except apertium.Unavailable:
            return []
        cache.set(key, found, CACHE_SECONDS)
    return [found] if found and found != text else []
