"""The indexing worker (`manage.py search_index --worker`): one round every few seconds, forever.

A round sends the waiting index tasks, runs the full rebuilds (no other process does),
writes the open-data export files when published content changed, and runs the other apps'
jobs that are due (`periodic.py`). The worker is what keeps
the index right after an outage, so no failure of a round stops it, whatever failed (the
engine, the database, a page that cannot be indexed): the failure is logged with its
traceback, the next round waits longer (doubling up to `MAX_BACKOFF`), and the tasks stay in
the queue. Each round ends with a beat in the database, which `/healthz` reports to every web
process alike.
"""

import logging
import time
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, close_old_connections
from django.utils import timezone

from knowledge.open_data import files

from . import periodic, queue
from .models import WorkerBeat

logger = logging.getLogger(__name__)

NAME = "search-index"
MAX_BACKOFF = 60


def work_once():
    """One round; returns the error that ended it, or None."""
    try:
        queue.drain_all(rebuilds=True)
        files.write_if_changed()
        periodic.run_due()
    except Exception as error:  # logged with its traceback; the loop must go on
        logger.exception("The indexing worker's round failed; the queue keeps its tasks.")
        return error
    return None


def beat(error):
    WorkerBeat.objects.update_or_create(
        name=NAME,
        defaults={
            "beat_at": timezone.now(),
            "ok": error is None,
            "error": "" if error is None else f"{type(error).__name__}: {error}"[:255],
        },
    )


def run(interval):
    """Rounds until interrupted; a failed round backs off, a good one resets the pace."""
    wait = interval
    while True:
        error = work_once()
        try:
            beat(error)
        except DatabaseError:
            logger.exception("The indexing worker could not record its beat.")
        try:
            close_old_connections()  # a connection broken in this round is replaced
        except DatabaseError:
            logger.exception("The indexing worker could not close a broken connection.")
        wait = interval if error is None else min(max(wait, interval, 0.5) * 2, MAX_BACKOFF)
        if error is not None:
            logger.warning("The indexing worker retries in %.0f s.", wait)
        time.sleep(wait)


def status():
    """The worker as `/healthz` reports it: state "ok", "failing", "stale" or "never seen".

    "stale": no beat for `SEARCH_WORKER_STALE_AFTER` seconds, longer than the longest round
    (a full rebuild at 100,000 pages) plus the longest back-off: the worker has stopped.
    """
    try:
        last = WorkerBeat.objects.filter(name=NAME).first()
    except DatabaseError as error:
        return {"state": "unknown", "error": type(error).__name__}
    if last is None:
        return {"state": "never seen"}
    stale = timezone.now() - last.beat_at > timedelta(seconds=settings.SEARCH_WORKER_STALE_AFTER)
    state = "stale" if stale else "ok" if last.ok else "failing"
    return {"state": state, "beat_at": last.beat_at.isoformat(), "error": last.error}
