"""The files proposers upload: kept outside the public media, given to editors only, as a
download, and deleted with the proposal's personal data."""

from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.core.files.storage import FileSystemStorage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from config.settings import base as shipped
from participation.models import Proposal
from participation.storage import private_uploads

pytestmark = pytest.mark.django_db

CONTENT = b"%PDF-1.7 Rapport om nattvandring, med navne."


@pytest.fixture
def folders(settings, tmp_path, monkeypatch):
    """Both storages on disk, as in production, in this test's own folders. The file field
    takes its storage when the model is defined, so the test gives it this one."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.STORAGES = settings.STORAGES | {
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    }
    private = FileSystemStorage(location=tmp_path / "private")
    monkeypatch.setattr(Proposal._meta.get_field("source_file"), "storage", private)
    return {"public": tmp_path / "media", "private": tmp_path / "private"}


def propose(client, name="rapport.pdf"):
    with translation.override("en"):
        url = reverse("participation:propose")
    started = client.get(url).context["form"]["started"].value()
    data = {
        "started": started,
        "website": "",
        "kind": "programme",
        "title": "Nattvandring i Rosengård",
        "description": "Vuxna går i grupp på kvällarna.",
        "place": "Malmö",
        "country": "SE",
        "organisation": "Malmö stad",
        "source_file": SimpleUploadedFile(name, CONTENT),
        "email": "anna@example.org",
    }
    assert client.post(url, data).status_code == 302
    return Proposal.objects.latest("pk")


def file_url(proposal):
    return reverse("participation_source_file", args=[proposal.pk])


def files_in(folder):
    return sorted(path.name for path in Path(folder).rglob("*") if path.is_file())


def test_the_file_field_ships_with_the_private_storage():
    """The tests here give the field a storage on disk of their own; this is the one it has
    outside them: the private storage, a folder apart from the public media."""
    _name, _path, _args, options = Proposal._meta.get_field("source_file").deconstruct()
    assert options["storage"] is private_uploads
    private = shipped.STORAGES["participation_uploads"]
    assert private["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    location = Path(private["OPTIONS"]["location"]).resolve()
    assert not location.is_relative_to(Path(shipped.MEDIA_ROOT).resolve())


def test_an_uploaded_file_is_kept_outside_the_public_media(client, sections, folders, smtp):
    propose(client)
    assert files_in(folders["private"]) == ["rapport.pdf"]
    assert files_in(folders["public"]) == []
    assert (folders["private"] / "proposals" / "rapport.pdf").read_bytes() == CONTENT


def test_an_editor_downloads_the_file_as_an_attachment(client, sections, folders, smtp):
    proposal = propose(client, name="rapport <script>.pdf")
    editor = Group.objects.get(name="Editors").user_set.create(username="editor")
    client.force_login(editor)
    response = client.get(file_url(proposal))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == CONTENT
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["Content-Type"] == "application/octet-stream"
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_proposal_in_the_admin_links_to_the_download(client, sections, folders, smtp):
    proposal = propose(client)
    admin = Group.objects.get(name="Moderators").user_set.create(username="moderator")
    client.force_login(admin)
    edit = client.get(reverse("wagtailsnippets_participation_proposal:edit", args=[proposal.pk]))
    assert f'href="{file_url(proposal)}"' in edit.text
    assert "/media/" not in edit.text


def test_the_file_is_refused_to_the_public_and_to_users_without_the_right(
    client, sections, folders, smtp, django_user_model
):
    proposal = propose(client)
    anonymous = client.get(file_url(proposal))
    assert anonymous.status_code == 302 and "/login/" in anonymous["Location"]

    no_admin = django_user_model.objects.create_user("visitor", password="pw")
    client.force_login(no_admin)
    assert client.get(file_url(proposal)).status_code in {302, 403}

    reviewer = Group.objects.get(name="Evidence reviewers").user_set.create(username="reviewer")
    client.force_login(reviewer)  # may use the admin, may not read proposals
    response = client.get(file_url(proposal))
    # Wagtail answers a refusal in the admin with a redirect to its dashboard and a message.
    assert (response.status_code, response.get("Location")) in {(403, None), (302, "/admin/")}
    assert CONTENT not in response.content


def test_retention_deletes_the_file_with_the_personal_data(
    client, sections, folders, smtp, settings
):
    settings.PARTICIPATION_RETENTION_DAYS = 30
    old = propose(client, name="old.pdf")
    new = propose(client, name="new.pdf")
    Proposal.objects.filter(pk=old.pk).update(received_at=timezone.now() - timedelta(days=31))

    call_command("delete_expired_personal_data")

    assert files_in(folders["private"]) == ["new.pdf"]
    old.refresh_from_db()
    assert (old.source_file.name, old.email, old.title) == ("", "", "Nattvandring i Rosengård")
    assert Proposal.objects.get(pk=new.pk).source_file.name == "proposals/new.pdf"


def test_a_deleted_proposal_takes_its_file_with_it(
    client, sections, folders, smtp, django_capture_on_commit_callbacks
):
    proposal = propose(client)
    with django_capture_on_commit_callbacks(execute=True):
        proposal.delete()
    assert files_in(folders["private"]) == []
