"""A backup of the demo content, restored into an emptied database, gives back the same site.

The media files are on disk as in production (FileSystemStorage), in a folder that does not
exist until the first upload, as on a new site.
"""

import stat
import tarfile

import pytest
from django.apps import apps
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection
from wagtail.models import Page, Revision

from backup.archive import database_has_content
from home.demo_content import load_demo_content
from knowledge.models import ProgrammePage
from search.models import IndexTask, ThesaurusConcept
from search.thesaurus import load_csv
from tests.factories import add_programme

pytestmark = pytest.mark.django_db

#: Every model whose rows must come back, field by field (pages through their specific class).
COMPARED = [
    "knowledge.ProgrammePage",
    "knowledge.MethodPage",
    "knowledge.CountrySectionPage",
    "knowledge.ProgrammeIndexPage",
    "knowledge.MethodIndexPage",
    "knowledge.ProgrammeGoal",
    "knowledge.ProgrammePartner",
    "knowledge.PageSource",
    "knowledge.Study",
    "knowledge.ExternalRating",
    "knowledge.Theme",
    "knowledge.TargetGroup",
    "knowledge.Arena",
    "knowledge.Organisation",
    "knowledge.Area",
    "knowledge.Source",
    "home.HomePage",
    "wagtailcore.Revision",
    "wagtailcore.Site",
    "wagtailcore.GroupPagePermission",
    "wagtailcore.WorkflowState",
    "wagtailcore.TaskState",
    "search.ThesaurusConcept",
    "auth.User",
    "wagtaildocs.Document",
]


def rows(model):
    """Each row as a tuple of its field values in text form, m2m as sorted ids."""
    found = []
    for obj in model._default_manager.order_by("pk"):
        values = [(f.name, f.value_to_string(obj)) for f in model._meta.concrete_fields]
        values += [
            (f.name, sorted(related.pk for related in f.value_from_object(obj)))
            for f in model._meta.many_to_many
        ]
        found.append(tuple(values))
    return found


def snapshot():
    state = {label: rows(apps.get_model(label)) for label in COMPARED}
    state["group permissions"] = {
        group.name: sorted(group.permissions.values_list("codename", flat=True))
        for group in Group.objects.all()
    }
    state["media"] = {name: default_storage.open(name).read() for name in ("documents/plan.txt",)}
    return state


@pytest.fixture
def media_on_disk(settings, tmp_path):
    """Production's storage: files under MEDIA_ROOT, a folder nothing has created yet."""
    settings.MEDIA_ROOT = tmp_path / "media"
    default = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    settings.STORAGES = {**settings.STORAGES, "default": default}
    return settings.MEDIA_ROOT


@pytest.fixture
def demo_site(django_user_model, media_on_disk):
    """The demo content with a thesaurus, an editor, a page waiting in moderation and a file."""
    load_demo_content()
    load_csv()
    editor = django_user_model.objects.create_user("dk-editor", password="pw")
    editor.groups.add(Group.objects.get(name="Editors – Denmark"))
    django_user_model.objects.create_superuser("admin", password="pw")
    page = ProgrammePage.objects.first()
    page.title_sv = "Ändrad titel som väntar på granskning"
    revision = page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    assert revision.content["title_sv"] == page.title_sv
    from wagtail.documents.models import Document

    name = default_storage.save("documents/plan.txt", ContentFile(b"Handlingsplan 2025"))
    Document.objects.create(title="Handlingsplan", file=name)
    # As if committed (a real restore meets committed data): PostgreSQL refuses to truncate
    # tables with foreign-key checks still pending in the same transaction.
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def test_backup_wipe_restore_gives_back_every_page_revision_and_snippet(demo_site, tmp_path):
    before = snapshot()
    assert len(before["knowledge.ProgrammePage"]) >= 15 and before["wagtailcore.WorkflowState"]
    archive = tmp_path / "bro.tar.gz"
    call_command("backup", output=str(archive))

    call_command("flush", interactive=False, verbosity=0)
    default_storage.delete("documents/plan.txt")
    assert not ProgrammePage.objects.exists() and not Revision.objects.exists()

    call_command("restore", str(archive))
    assert snapshot() == before
    assert Page.objects.live().type(ProgrammePage).count() == len(before["knowledge.ProgrammePage"])
    assert ThesaurusConcept.objects.count() > 400
    assert list(IndexTask.objects.values_list("page_id", flat=True)) == [None], (
        "a restore must queue exactly one rebuild of the search index"
    )


def test_a_new_site_with_nothing_uploaded_backs_up(sections, media_on_disk, tmp_path):
    assert not media_on_disk.exists()
    archive = tmp_path / "bro.tar.gz"
    call_command("backup", output=str(archive))
    with tarfile.open(archive) as tar:
        assert "data.exactjson" in tar.getnames()
        assert not [name for name in tar.getnames() if name.startswith("media/")]


def test_the_archive_is_readable_by_its_owner_only(sections, media_on_disk, tmp_path):
    """It holds the users' password hashes."""
    archive = tmp_path / "bro.tar.gz"
    archive.write_bytes(b"an older archive")
    archive.chmod(0o644)
    call_command("backup", output=str(archive))
    assert stat.S_IMODE(archive.stat().st_mode) == 0o600
    assert tarfile.is_tarfile(archive)


def test_restore_refuses_a_database_with_content_unless_forced(sections, media_on_disk, tmp_path):
    page = add_programme(
        sections["programmes"]["DK"], title_da="Tryg bolig", summary_da="x", country="DK"
    )
    with connection.cursor() as cursor:
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    archive = tmp_path / "bro.tar.gz"
    call_command("backup", output=str(archive))
    page.title_da = "Ændret efter backup"
    page.save()
    assert database_has_content()

    with pytest.raises(CommandError, match="already has content"):
        call_command("restore", str(archive))
    page.refresh_from_db()
    assert page.title_da == "Ændret efter backup", "a refused restore must change nothing"

    call_command("restore", str(archive), force=True)
    page.refresh_from_db()
    assert page.title_da != "Ændret efter backup"


def test_restore_of_a_missing_or_foreign_file_is_a_clear_error(tmp_path):
    with pytest.raises(CommandError):
        call_command("restore", str(tmp_path / "nothing.tar.gz"))
    not_a_backup = tmp_path / "other.tar.gz"
    not_a_backup.write_bytes(b"not a tar file")
    with pytest.raises(CommandError):
        call_command("restore", str(not_a_backup))
