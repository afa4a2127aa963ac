"""The full exports as files: written by the indexing worker, served as they are by the site.

Building an export reads every published page, too slow for a request at 100,000 pages, so
no request builds one. A publish, an unpublish, a move, a view restriction or a taxonomy edit
marks the exports out of date (`ExportState.changed_at`, in the change's own transaction);
the worker (`search.worker`, which calls `write_if_changed` each round) writes every file once
no further change has come for `OPEN_DATA_EXPORT_DELAY` seconds, or at the latest
`OPEN_DATA_EXPORT_MAX_DELAY` after the last writing, while publishing never pauses.

The files live in a folder of their own (`OPEN_DATA_EXPORT_ROOT`), not in Django's storage:
each is written beside the old one and put in its place with one rename, so a reader gets the
old file or the new one, never half of one, and Django's storage has no such replace.
"""

import datetime
import os
import tempfile

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.utils import timezone
from wagtail.models import PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from ..models import ExportState, MethodPage, ProgrammePage, RegistryLabel
from .export import EXPORTS, TAXONOMY

STATE_ID = 1


def path(name):
    """The file of the export `name` (a key of EXPORTS): bro-export.json, bro-studies.csv..."""
    return settings.OPEN_DATA_EXPORT_ROOT / f"bro-{EXPORTS[name].filename}"


def write_exports():
    """Write every export from the database now, each replacing its file in one step."""
    root = settings.OPEN_DATA_EXPORT_ROOT
    root.mkdir(parents=True, exist_ok=True)
    for name, export in EXPORTS.items():
        # newline="": the CSV writer ends its rows with \r\n itself, as RFC 4180 asks.
        with tempfile.NamedTemporaryFile(
            "w", encoding="utf-8", newline="", dir=root, prefix=".writing-", delete=False
        ) as file:
            try:
                for chunk in export.chunks():
                    file.write(chunk)
            except BaseException:
                os.unlink(file.name)
                raise
        os.chmod(file.name, 0o644)
        os.replace(file.name, path(name))


def _save_state(**fields):
    """Set fields of the one state row, creating it if needed, in one statement."""
    ExportState.objects.bulk_create(
        [ExportState(pk=STATE_ID, **fields)],
        update_conflicts=True,
        unique_fields=["id"],
        update_fields=list(fields),
    )


def mark_changed(**kwargs):
    _save_state(changed_at=timezone.now())


def _due(state, now):
    if not all(path(name).exists() for name in EXPORTS):
        return True
    if state is None or state.changed_at is None:
        return False
    if state.written_at is None:
        return True
    if state.changed_at <= state.written_at:
        return False
    quiet = now - state.changed_at >= datetime.timedelta(seconds=settings.OPEN_DATA_EXPORT_DELAY)
    overdue = now - state.written_at >= datetime.timedelta(
        seconds=settings.OPEN_DATA_EXPORT_MAX_DELAY
    )
    return quiet or overdue


def write_if_changed():
    """Write the exports if any is missing or a change is due; returns whether it wrote.

    `written_at` is the time the writing began: a change committed while it ran is newer, so
    the next call writes again.
    """
    now = timezone.now()
    if not _due(ExportState.objects.filter(pk=STATE_ID).first(), now):
        return False
    write_exports()
    _save_state(written_at=now)
    return True


def install():
    """Mark the exports out of date on every change they show (called from `ready()`)."""
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(mark_changed, dispatch_uid=f"open-data-{id(signal)}")
    for model in (ProgrammePage, MethodPage):
        post_delete.connect(mark_changed, sender=model, dispatch_uid=f"open-data-{model}")
    taxonomy = (model for model, _record in TAXONOMY.values())
    for model in [PageViewRestriction, RegistryLabel, *taxonomy]:
        for signal in (post_save, post_delete):
            uid = f"open-data-{id(signal)}-{model}"
            signal.connect(mark_changed, sender=model, dispatch_uid=uid)
