"""The full exports are files the worker writes, served with ETag and Last-Modified.

No request builds an export: a publish shows in the served file only once the worker has
written it again (`write_if_changed`, which the worker calls each round).
"""

import datetime
import json

import pytest
from django.urls import reverse
from django.utils import timezone

from knowledge.models import ExportState
from knowledge.open_data import files
from tests.factories import add_page, programme

JSON_URL = reverse("open-data-export-json")
CSV_URL = reverse("open-data-export-csv")


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("export_root")]


@pytest.fixture(autouse=True)
def no_delay(settings):
    settings.OPEN_DATA_EXPORT_DELAY = 0


def titles(client):
    response = client.get(JSON_URL)
    assert response.status_code == 200
    export = json.loads(b"".join(response.streaming_content))
    return [record["title_da"] for record in export["programmes"]]


def test_before_the_first_writing_the_exports_answer_503_with_retry_after(client):
    for url in (JSON_URL, CSV_URL):
        response = client.get(url)
        assert response.status_code == 503
        assert int(response["Retry-After"]) > 0
        assert response.json()["detail"]


@pytest.mark.parametrize("url", [JSON_URL, CSV_URL])
def test_a_client_with_the_current_file_gets_304(client, sections, url):
    add_page(sections["programmes"]["DK"], programme(title_da="Nabohjælp", slug_da="nabohjaelp"))
    files.write_exports()
    first = client.get(url)
    assert first.status_code == 200
    etag, last_modified = first["ETag"], first["Last-Modified"]

    assert client.get(url, headers={"If-None-Match": etag}).status_code == 304
    assert client.get(url, headers={"If-Modified-Since": last_modified}).status_code == 304
    again = client.get(url, headers={"If-None-Match": '"something-else"'})
    assert again.status_code == 200 and again["ETag"] == etag


def test_a_publish_reaches_the_served_export_when_the_worker_writes_it(client, sections):
    section = sections["programmes"]["DK"]
    add_page(section, programme(title_da="Nabohjælp", slug_da="nabohjaelp"))
    assert files.write_if_changed(), "no file yet: the first round writes one"
    etag = client.get(JSON_URL)["ETag"]
    assert not files.write_if_changed(), "nothing changed since"

    add_page(section, programme(title_da="Tryghedsvandring", slug_da="tryghedsvandring"))
    assert titles(client) == ["Nabohjælp"], "a request must serve the file, not build it"

    assert files.write_if_changed()
    assert titles(client) == ["Nabohjælp", "Tryghedsvandring"]
    assert client.get(JSON_URL, headers={"If-None-Match": etag}).status_code == 200


def test_writing_waits_until_publishing_pauses_but_not_forever(sections, settings):
    section = sections["programmes"]["DK"]
    files.write_exports()
    long_ago = timezone.now() - datetime.timedelta(hours=1)
    ExportState.objects.update_or_create(pk=files.STATE_ID, defaults={"written_at": long_ago})
    settings.OPEN_DATA_EXPORT_DELAY = 3600
    settings.OPEN_DATA_EXPORT_MAX_DELAY = 7200

    add_page(section, programme(title_da="Nabohjælp", slug_da="nabohjaelp"))
    assert not files.write_if_changed(), "publishing goes on: wait for a pause"
    settings.OPEN_DATA_EXPORT_MAX_DELAY = 60
    assert files.write_if_changed(), "the last writing is too old to wait longer"
