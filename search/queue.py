"""The indexing queue: page changes are written down with the change, then sent to the engine.

A page change adds an IndexTask row in the same transaction, so if the change is saved, so is
the task. After the commit the page tasks are sent at once; when Elasticsearch is down the rows
stay, and the next drain (the worker, or the next publish) sends them when it is back.

A full rebuild (a thesaurus edit, a restore, no index yet) runs in the worker only
(`manage.py search_index --worker`): at 100,000 pages it takes minutes, longer than a request
may. No database transaction stays open while the engine is asked anything: a drain claims its
tasks in one short transaction (`claimed_until`, a lease), talks to Elasticsearch with none
open, and deletes or releases the tasks in another. A drain that dies on the way leaves its
claim to run out, and the next drain takes the tasks.
"""

import datetime
import logging
import time

from django.db import DatabaseError, transaction
from django.db.models import F, Q
from django.utils import timezone
from elasticsearch import ApiError, helpers

from .client import UNAVAILABLE
from .indexing import current_indices, index_page_ids, rebuild
from .models import IndexTask

logger = logging.getLogger(__name__)

#: How long a claim holds; a rebuild renews it while it runs.
LEASE = datetime.timedelta(minutes=5)


def enqueue(page_ids):
    """Record that these pages' index entries must be refreshed, and send them after commit."""
    IndexTask.objects.bulk_create([IndexTask(page_id=pk) for pk in set(page_ids)])
    transaction.on_commit(drain_quietly)


def enqueue_rebuild():
    """Record that the whole index must be rebuilt (the thesaurus changed); the worker does it."""
    IndexTask.objects.create(page_id=None)


def claim(limit, rebuilds):
    """Claim the oldest waiting tasks nobody holds, page tasks only unless `rebuilds`."""
    now = timezone.now()
    with transaction.atomic():
        free = IndexTask.objects.filter(Q(claimed_until=None) | Q(claimed_until__lt=now))
        if not rebuilds:
            free = free.exclude(page_id=None)
        tasks = list(free.select_for_update(skip_locked=True)[:limit])
        IndexTask.objects.filter(pk__in=[task.pk for task in tasks]).update(
            claimed_until=now + LEASE
        )
    return tasks


class Lease:
    """Renews the claim on `task_ids` when a third of it has passed (called as a rebuild runs)."""

    def __init__(self, task_ids):
        self.task_ids = task_ids
        self.renewed = time.monotonic()

    def __call__(self, _sent=None):
        if time.monotonic() - self.renewed > LEASE.total_seconds() / 3:
            IndexTask.objects.filter(pk__in=self.task_ids).update(
                claimed_until=timezone.now() + LEASE
            )
            self.renewed = time.monotonic()


def drain(limit=1000, rebuilds=False):
    """Send the oldest waiting tasks to the engine; returns how many tasks were done.

    Only the worker passes `rebuilds`: then a rebuild task, or a missing index, makes this a full
    rebuild, which covers every page change claimed with it. Without it, page tasks are sent to
    the index there is, and left for the worker when there is none yet.

    Raises the engine's error when it cannot be reached; the tasks then stay for a later try,
    with the attempt and the error recorded on them.
    """
    tasks = claim(limit, rebuilds)
    if not tasks:
        return 0
    task_ids = [task.pk for task in tasks]
    try:
        indices = current_indices()
        if not indices and not rebuilds:
            IndexTask.objects.filter(pk__in=task_ids).update(claimed_until=None)
            return 0
        if not indices or any(task.page_id is None for task in tasks):
            rebuild(progress=Lease(task_ids))
        else:
            index_page_ids({task.page_id for task in tasks})
    except Exception as error:  # recorded on the tasks and raised again: the claim ends here
        IndexTask.objects.filter(pk__in=task_ids).update(
            attempts=F("attempts") + 1,
            last_error=f"{type(error).__name__}: {error}"[:255],
            claimed_until=None,
        )
        raise
    IndexTask.objects.filter(pk__in=task_ids).delete()
    return len(tasks)


def drain_all(rebuilds=False):
    done = 0
    while count := drain(rebuilds=rebuilds):
        done += count
    return done


def drain_quietly():
    """Send the page tasks after a commit; an engine failure is logged, never shown the editor.

    The change and its tasks are committed already, so the worker sends them later, whether the
    engine or the database (SQLite busy with another writer, say) failed here.
    """
    try:
        drain_all()
    except (*UNAVAILABLE, ApiError, helpers.BulkIndexError, DatabaseError) as error:
        logger.warning("Search index not updated yet (%s); the queue keeps the change.", error)


def pending():
    return IndexTask.objects.count()
