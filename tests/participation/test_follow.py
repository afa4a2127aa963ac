"""Following a search by e-mail, against the real Elasticsearch node and a real SMTP server."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from participation.guard import stamp
from participation.models import Follow
from search import indexing, worker
from tests.factories import add_programme
from tests.mail_server import body

pytestmark = [pytest.mark.django_db, pytest.mark.elasticsearch]


def path(name, *args, language="en"):
    with translation.override(language):
        return reverse(f"participation:{name}", args=args)


def link(message, name):
    """The path of the participation link `name` ("confirm" or "stop") in a mail."""
    return re.search(rf"https?://[^/\s]+(/\S*/follow/{name}/\S+/)", body(message)).group(1)


def follow_by_mail(client, query, address="reader@example.org"):
    url = path("follow") + query
    started = client.get(url).context["form"]["started"].value()
    return client.post(url, {"started": started, "website": "", "email": address})


def test_a_confirmed_follow_gets_a_digest_of_what_is_published_afterwards(
    client, pages, engine, smtp, settings
):
    indexing.rebuild()
    assert follow_by_mail(client, "?themes=burglary").status_code == 302
    [confirmation] = smtp.wait_for(1)
    assert "Burglary" in body(confirmation)
    follow = Follow.objects.get()
    assert follow.confirmed_at is None

    worker.work_once()
    assert len(smtp.messages) == 1, "a digest went to an address that never confirmed"

    assert client.post(link(confirmation, "confirm")).status_code == 200
    burglary = pages["da"].themes.get()
    add_programme(
        pages["da"].get_parent(),
        title_da="Indbrudssikring i Viborg",
        title_en="Burglary-proofing in Viborg",
        themes=[burglary],
    )
    indexing.rebuild()
    settings.PARTICIPATION_DIGEST_DAYS = 0
    settings.WORKER_PERIODIC_JOBS = {"digests": ("participation.jobs.weekly_digests", 0)}
    worker.work_once()
    digest = smtp.wait_for(2)[1]
    assert "Burglary-proofing in Viborg" in body(digest)
    assert "Tryg i parcelhuskvarteret" not in body(digest), "published before the follow"
    assert digest["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    assert client.get(link(digest, "stop")).status_code == 200
    assert Follow.objects.exists(), "opening the link alone must not unsubscribe"
    assert client.post(link(digest, "stop")).status_code == 200
    assert not Follow.objects.exists()


def test_only_what_changed_since_the_last_digest_is_listed(client, pages, engine, smtp, settings):
    indexing.rebuild()
    follow_by_mail(client, "")
    follow = Follow.objects.get()
    client.post(link(smtp.wait_for(1)[0], "confirm"))
    settings.PARTICIPATION_DIGEST_DAYS = 0
    settings.WORKER_PERIODIC_JOBS = {"digests": ("participation.jobs.weekly_digests", 0)}
    worker.work_once()
    assert len(smtp.messages) == 1, "a digest without news was sent"
    follow.refresh_from_db()
    assert follow.covered_until is not None


def test_a_search_the_search_page_refuses_cannot_be_followed(client, pages):
    response = client.get(path("follow") + "?themes=no-such-theme")
    assert response.status_code == 400
    assert "no-such-theme" in response.text
    data = {"started": stamp(), "website": "", "email": "reader@example.org"}
    assert client.post(path("follow") + "?themes=no-such-theme", data).status_code == 400
    assert not Follow.objects.exists()


def test_any_search_is_an_atom_feed(client, pages, engine):
    indexing.rebuild()
    response = client.get(path("feed") + "?themes=burglary")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Tryg i parcelhuskvarteret" in response.text
    assert "Stöd till familjer" not in response.text and "Støtte til familier" not in response.text


def test_the_search_page_offers_to_follow_it(client, pages, engine):
    indexing.rebuild()
    with translation.override("en"):
        response = client.get(reverse("search") + "?q=indbrud&themes=burglary&page=1")
    assert path("follow") + "?q=indbrud&amp;themes=burglary" in response.text
    assert path("feed") + "?q=indbrud&amp;themes=burglary" in response.text
