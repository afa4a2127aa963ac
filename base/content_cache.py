"""Keys for what the site caches about its content, right in every process at once.

The fragments of a programme page, the similar pages and the facet labels
are kept in the shared cache under keys that carry the content version. Publishing,
unpublishing, moving or deleting a page, and saving or deleting a taxonomy term, bumps the
version, so every worker asks for new keys at once and the old entries expire unread. Deleting
entries instead would also work only for those the changed page itself names: a method's new
title is shown inside the pages of the programmes that use it.
The navigation names only the two index pages: it is deleted from the shared cache when one of
them changes (base/templatetags/site_tags.py), rather than renewed on every publish.

The version is bumped at once and again when the transaction commits, so that nothing a worker
read from the database in between (the old content, before the commit) outlives the change.

A version missing from the cache (evicted, or Redis restarted) starts again from the clock, so it
never meets entries written under an earlier one.
"""

import time

from django.core.cache import cache
from django.db import transaction

VERSION_KEY = "content-version"


def content_version():
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version


def versioned_key(*parts, version=None):
    """A cache key for content derived from pages or terms, under the current version.

    A request that has read the version already passes it, which saves a round trip to Redis.
    """
    if version is None:
        version = content_version()
    return ":".join(str(part) for part in ("content", version, *parts))


def bump_content_version(**kwargs):
    """Signal receiver: whatever was cached about the content is stale in every process."""
    _bump()
    transaction.on_commit(_bump)


def _bump():
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache: any new version is newer than what is there
        cache.add(VERSION_KEY, time.time_ns(), timeout=None)
