"""Every form, fed the whole of Unicode: a clear 4xx or a stored record, never a 500."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from knowledge.models import Area
from participation.models import Experience, Follow, Proposal, ReviewRequest

pytestmark = pytest.mark.django_db

TEXT = st.text(st.characters(codec="utf-8"), max_size=300)
FIELDS = {
    "propose": ["title", "description", "place", "organisation", "source_url", "email", "kind"],
    "review": ["topic", "reason", "email"],
    "experience": ["area", "place", "start_year", "end_year", "text", "email"],
    "follow": ["email"],
}


@pytest.fixture
def no_rate_limit(settings):
    settings.RATE_LIMITS = settings.RATE_LIMITS | {"participation": "100000/s"}


@pytest.mark.parametrize("form", FIELDS)
def test_unicode_anywhere_in_a_form_is_answered(form, pages, no_rate_limit):
    with translation.override("sv"):
        url = reverse(
            f"participation:{form}",
            args=[pages["da"].pk] if form in {"review", "experience"} else [],
        )
    client = Client()
    started = client.get(url).context["form"]["started"].value()
    models = [Proposal, ReviewRequest, Experience, Follow]

    fields = dict.fromkeys(FIELDS[form], TEXT)
    if form == "experience":  # a real area as often as not, so the other fields are reached
        area = Area.objects.create(slug="lund", name_da="Lund", kind="municipality", country="SE")
        fields["area"] = st.one_of(st.just(str(area.pk)), TEXT)

    @settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
    @given(st.fixed_dictionaries(fields))
    def post(data):
        before = [model.objects.count() for model in models]
        response = client.post(url, {"started": started, "website": "", **data})
        assert response.status_code in {302, 400, 503}, response.status_code
        if response.status_code != 302:
            assert [model.objects.count() for model in models] == before

    post()
