"""Asking for a review and sharing experience on a page; the admin lists both with the page."""

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from knowledge.models import Area
from participation.models import Experience, ReviewRequest

pytestmark = pytest.mark.django_db


def path(name, page, language="da"):
    with translation.override(language):
        return reverse(f"participation:{name}", args=[page.pk])


def send(client, name, page, **data):
    started = client.get(path(name, page)).context["form"]["started"].value()
    return client.post(path(name, page), {"started": started, "website": "", **data})


@pytest.fixture
def experience_data(db):
    area = Area.objects.create(
        slug="aarhus", name_da="Aarhus Kommune", kind="municipality", country="DK"
    )
    return {
        "area": area.pk,
        "start_year": "2021",
        "end_year": "2023",
        "text": "Vi kortede møderne ned og inviterede boligforeningen med.",
    }


def test_a_review_request_lands_in_the_admin_with_the_page_linked(client, pages, english_admin):
    page = pages["da"]
    response = send(client, "review", page, topic="rating", reason="Evalueringen fra 2023 mangler.")
    assert response.status_code == 302
    request = ReviewRequest.objects.get()
    assert (request.page_id, request.topic, request.language) == (page.pk, "rating", "da")

    listing = english_admin.get(reverse("wagtailsnippets_participation_reviewrequest:list"))
    assert page.title in listing.text
    edit = english_admin.get(
        reverse("wagtailsnippets_participation_reviewrequest:edit", args=[request.pk])
    )
    assert reverse("wagtailadmin_pages:edit", args=[page.pk]) in edit.text


def test_an_experience_waits_for_moderation_and_is_not_shown(client, pages, experience_data):
    page = pages["da"]
    assert send(client, "experience", page, **experience_data).status_code == 302
    experience = Experience.objects.get()
    assert (experience.status, experience.area.slug) == (Experience.Status.PENDING, "aarhus")
    assert "inviterede boligforeningen" not in client.get(page.url).text


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"start_year": "2999"}, "start_year"),
        ({"end_year": "2019"}, "end_year"),
        ({"start_year": "٢٠٢١"}, "start_year"),
        ({"text": ""}, "text"),
        ({"area": ""}, "area"),
        ({"area": "-1"}, "area"),
    ],
)
def test_a_bad_experience_is_refused_and_nothing_is_stored(
    client, pages, experience_data, changes, field
):
    response = send(client, "experience", pages["da"], **(experience_data | changes))
    assert response.status_code == 400
    assert response.context["form"].errors[field]
    assert not Experience.objects.exists()


def test_a_page_nobody_may_see_takes_no_feedback(client, pages):
    page = pages["da"]
    PageViewRestriction.objects.create(page=page, restriction_type="password", password="x")
    assert client.get(path("experience", page)).status_code == 404
    assert client.get(path("review", page)).status_code == 404


def test_past_the_rate_limit_a_form_is_refused_and_nothing_stored(
    client, pages, settings, experience_data
):
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"participation": "2/m"}
    for _ in range(2):
        assert send(client, "experience", pages["da"], **experience_data).status_code == 302
    response = send(client, "experience", pages["da"], **experience_data)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    assert Experience.objects.count() == 2
