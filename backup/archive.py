"""Backing up the whole site into one file, and restoring it into an empty database.

The archive is a gzipped tar: `manifest.json` (when and what), `types.exactjson` (content
types and permissions), `data.exactjson` (Django's `dumpdata` of every table that holds
content: pages and their revisions, snippets, users, groups and their permissions, workflows
and their state, the thesaurus, logs) and `media/...` (the uploaded images and documents).
Rows keep their ids, content types and permissions included, so every reference comes back as
it was (natural keys would not do: Wagtail's logs keep the ids of deleted pages). What can be
rebuilt is left out: sessions, the search queue, Wagtail's admin search index and image
renditions.

The archive holds the users' password hashes, so only its owner may read it (mode 0600).
"""

import io
import json
import os
import tarfile
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.sql import emit_post_migrate_signal
from django.db import DEFAULT_DB_ALIAS, connection, transaction
from django.utils import timezone
from wagtail.models import Page

FORMAT_VERSION = 1
TYPES = ["contenttypes", "auth.permission"]
EXCLUDED = [
    *TYPES,
    "sessions",
    "search.indextask",
    "wagtailsearch",
    "wagtailimages.rendition",
    "wagtailadmin.editingsession",
]
#: The content types first: loading some of Wagtail's models creates missing ones on the fly.
DUMPS = {"types.exactjson": (TYPES, []), "data.exactjson": ([], EXCLUDED)}


class RestoreRefused(Exception):
    """The target database already holds content, and overwriting it was not asked for."""


@dataclass
class BackupSummary:
    objects: int
    media_files: int


def media_files(storage=default_storage, folder=""):
    """Every file in the media storage, as paths relative to its root.

    A new site has none: its media folder is only created by the first upload.
    """
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}" if folder else name
    for name in folders:
        yield from media_files(storage, f"{folder}/{name}" if folder else name)


def _add(tar, name, data):
    info = tarfile.TarInfo(name)
    info.size = len(data)
    info.mtime = int(timezone.now().timestamp())
    tar.addfile(info, io.BytesIO(data))


def write_backup(path):
    """Write the archive to `path`, read from one snapshot of the database.

    On PostgreSQL the transaction is REPEATABLE READ, so the two dumps see the same moment even
    while editors keep working.
    """
    with tempfile.TemporaryDirectory() as scratch:
        dumps = {name: Path(scratch) / name for name in DUMPS}
        outermost = not connection.in_atomic_block
        with transaction.atomic():
            if connection.vendor == "postgresql" and outermost:
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
            for name, (include, exclude) in DUMPS.items():
                call_command(
                    "dumpdata",
                    *include,
                    exclude=exclude,
                    format="exactjson",
                    output=str(dumps[name]),
                    verbosity=0,
                )
        objects = sum(len(json.loads(dump.read_text())) for dump in dumps.values())
        files = list(media_files())
        manifest = {
            "format": FORMAT_VERSION,
            "created": timezone.now().isoformat(),
            "objects": objects,
            "media_files": files,
        }
        _write_private(path, manifest, dumps, files)
    return BackupSummary(objects=objects, media_files=len(files))


def _write_private(path, manifest, dumps, files):
    """The archive at `path`, mode 0600, complete or not at all.

    It is written beside `path` in a file that `mkstemp` creates readable by its owner only,
    then renamed over `path`, which so never has another mode, even when it existed before.
    """
    handle, partial = tempfile.mkstemp(dir=Path(path).resolve().parent, suffix=".partial")
    try:
        with os.fdopen(handle, "wb") as file, tarfile.open(fileobj=file, mode="w:gz") as tar:
            _add(tar, "manifest.json", json.dumps(manifest, indent=2).encode())
            for name, dump in dumps.items():
                tar.add(dump, arcname=name)
            for name in files:
                with default_storage.open(name) as media:
                    _add(tar, f"media/{name}", media.read())
        os.replace(partial, path)
    except BaseException:
        Path(partial).unlink(missing_ok=True)
        raise


def database_has_content():
    """True when the database holds anything beyond what `migrate` alone creates."""
    wagtail_placeholder = ContentType.objects.get_for_model(Page)
    own_pages = Page.objects.filter(depth__gt=1).exclude(content_type=wagtail_placeholder)
    return own_pages.exists() or get_user_model().objects.exists()


def read_backup(path):
    """The manifest, the dumps and the media files of an archive."""
    try:
        with tarfile.open(path, "r:gz") as tar:
            manifest = json.load(tar.extractfile("manifest.json"))
            data = {name: tar.extractfile(name).read() for name in DUMPS}
            media = {
                name: tar.extractfile(f"media/{name}").read() for name in manifest["media_files"]
            }
    except (tarfile.TarError, KeyError, ValueError) as error:
        raise ValueError(
            f"{path} is not a backup written by `manage.py backup` ({error})."
        ) from None
    if manifest.get("format") != FORMAT_VERSION:
        raise ValueError(f"Unknown backup format {manifest.get('format')!r} in {path}.")
    return manifest, data, media


def restore_backup(path, force=False):
    """Replace the database's content with the archive's; all or nothing.

    Refuses a database with content unless `force`. The search index is rebuilt afterwards
    through the queue (the worker, or `manage.py search_index --drain`).
    """
    from search.models import IndexTask
    from search.queue import enqueue_rebuild

    manifest, data, media = read_backup(path)
    with transaction.atomic():
        if database_has_content() and not force:
            raise RestoreRefused(
                "The database already has content; restore only into an empty one "
                "(or pass --force to replace everything in it)."
            )
        call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
        ContentType.objects.clear_cache()
        if connection.vendor == "postgresql":
            # Rows arrive in any order; the foreign keys Django creates are checked at commit.
            with connection.cursor() as cursor:
                cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        with tempfile.TemporaryDirectory() as scratch:
            fixtures = []
            for name, content in data.items():
                fixture = Path(scratch) / name
                fixture.write_bytes(content)
                fixtures.append(str(fixture))
            call_command("loaddata", *fixtures, verbosity=0)
        ContentType.objects.clear_cache()
        # Content types and permissions of models newer than the backup.
        emit_post_migrate_signal(verbosity=0, interactive=False, db=DEFAULT_DB_ALIAS)
        IndexTask.objects.all().delete()  # the thesaurus signals queued one per concept
        enqueue_rebuild()
    for name, content in media.items():
        if default_storage.exists(name):
            default_storage.delete(name)
        default_storage.save(name, ContentFile(content))
    call_command("update_index", verbosity=0)
    return BackupSummary(objects=manifest["objects"], media_files=len(media))
