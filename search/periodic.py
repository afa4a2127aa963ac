"""Jobs other apps give the indexing worker to run on a schedule, named in settings.

`WORKER_PERIODIC_JOBS` maps a job's name to a function's dotted path and the seconds between
its runs. The worker
runs each due job at the end of a round; when a job last ran is kept in the database (a
`WorkerBeat` named for the job), so a restart or a second worker does not run it early. The
search app calls the jobs by name and knows nothing else of the apps that own them. A failing
job is logged with its traceback and tried again at its next time; it does not stop the round.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.module_loading import import_string

from .models import WorkerBeat

logger = logging.getLogger(__name__)


def beat_name(name):
    return f"job:{name}"


def run_due(now=None):
    """Run every job whose time has come; returns the names of the jobs that ran."""
    now = now or timezone.now()
    ran = []
    for name, (path, seconds) in settings.WORKER_PERIODIC_JOBS.items():
        with transaction.atomic():
            last, _created = WorkerBeat.objects.select_for_update().get_or_create(
                name=beat_name(name),
                defaults={"beat_at": now - timedelta(seconds=seconds), "ok": True},
            )
            if now - last.beat_at < timedelta(seconds=seconds):
                continue
            last.beat_at, last.ok, last.error = now, True, ""
            last.save()
        ran.append(name)
        try:
            import_string(path)()
        except Exception as error:  # logged with its traceback; the other jobs still run
            logger.exception("The periodic job %s failed.", name)
            WorkerBeat.objects.filter(name=beat_name(name)).update(
                ok=False, error=f"{type(error).__name__}: {error}"[:255]
            )
    return ran
