"""The indexing queue: page changes are written down with the change, then sent to the engine.

A page change adds an IndexTask row in the same transaction, so if the change is saved, so is
the task. After the commit the queue is drained at once; when Elasticsearch is down the rows
stay, and the next drain (the worker, or the next publish) sends them when it is back.
"""

import logging

from django.db import transaction
from django.db.models import F
from elasticsearch import ApiError, helpers

from .client import UNAVAILABLE
from .indexing import current_indices, index_page_ids, rebuild
from .models import IndexTask

logger = logging.getLogger(__name__)


def enqueue(page_ids):
    """Record that these pages' index entries must be refreshed, and drain after commit."""
    IndexTask.objects.bulk_create([IndexTask(page_id=pk) for pk in set(page_ids)])
    transaction.on_commit(drain_quietly)


def enqueue_rebuild():
    """Record that the whole index must be rebuilt (the thesaurus changed); the worker does it."""
    IndexTask.objects.create(page_id=None)


def drain(limit=1000):
    """Send the oldest waiting tasks to the engine; returns how many tasks were done.

    Raises the engine's error when it cannot be reached; the tasks then stay for a later try,
    with the attempt and the error recorded on them.
    """
    failure = None
    with transaction.atomic():
        tasks = list(IndexTask.objects.select_for_update(skip_locked=True)[:limit])
        if not tasks:
            return 0
        task_ids = [task.pk for task in tasks]
        try:
            if not current_indices() or any(task.page_id is None for task in tasks):
                rebuild()  # a full build covers every page change waiting with it
            else:
                index_page_ids({task.page_id for task in tasks})
        except (*UNAVAILABLE, helpers.BulkIndexError) as error:
            failure = error
            IndexTask.objects.filter(pk__in=task_ids).update(
                attempts=F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:255]
            )
        else:
            IndexTask.objects.filter(pk__in=task_ids).delete()
    if failure is not None:
        raise failure
    return len(tasks)


def drain_all():
    done = 0
    while count := drain():
        done += count
    return done


def drain_quietly():
    """Drain after a commit; an engine failure is logged, never shown to the editor.

    The tasks stay in the queue either way, so the worker sends them later.
    """
    try:
        drain_all()
    except (*UNAVAILABLE, ApiError, helpers.BulkIndexError) as error:
        logger.warning("Search index not updated yet (%s); the queue keeps the change.", error)


def pending():
    return IndexTask.objects.count()
