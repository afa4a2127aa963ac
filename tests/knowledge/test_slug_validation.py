"""A slug must be free among the page's siblings in every language, fallbacks included."""

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_page, make_programme, programme

pytestmark = pytest.mark.django_db


def test_a_danish_slug_taken_by_a_sibling_is_refused(sections):
    section = sections["programmes"]["DK"]
    add_page(section, programme(title_da="Første", slug_da="tryghed"))
    twin = programme(title_da="Anden", slug_da="tryghed")
    with pytest.raises(ValidationError) as refused:
        add_page(section, twin)
    assert "slug_da" in refused.value.message_dict


def test_a_swedish_slug_equal_to_a_siblings_danish_fallback_is_refused(sections):
    section = sections["programmes"]["DK"]
    add_page(section, programme(title_da="Første", slug_da="trygghet"))  # no Swedish slug
    other = programme(title_da="Anden", slug_da="anden", slug_sv="trygghet")
    with pytest.raises(ValidationError) as refused:
        add_page(section, other)
    assert list(refused.value.message_dict) == ["slug_sv"]


def test_the_same_slug_under_another_parent_and_a_page_saved_again_are_accepted(sections):
    add_page(sections["programmes"]["DK"], programme(title_da="Dansk", slug_da="samme"))
    swedish = add_page(sections["programmes"]["SE"], programme(title_da="Svensk", slug_da="samme"))
    swedish.title_da = "Svensk, ny titel"
    swedish.full_clean()


def test_siblings_are_not_loaded_to_check_a_slug(sections):
    """wagtail-modeltranslation's own check read every sibling: seconds in a big section."""
    page = make_programme(sections["programmes"]["DK"])
    for number in range(30):
        add_page(
            sections["programmes"]["DK"],
            programme(title_da=f"P {number}", slug_da=f"p-{number}"),
        )
    with CaptureQueriesContext(connection) as queries:
        page.clean()
    assert len(queries) <= 8
    assert all("LIMIT" in query["sql"] for query in queries)
