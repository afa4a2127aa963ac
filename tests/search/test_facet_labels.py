"""Facet labels come from the taxonomy in the reader's language, cached, and follow renames."""

import pytest
from django.core.cache import cache

from knowledge.models import Theme
from search.results import facet_labels

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()


def test_labels_are_in_the_readers_language_without_a_query_once_cached(
    django_assert_num_queries,
):
    Theme.objects.create(name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="b")
    assert facet_labels("themes", ["b"], "sv") == {"b": "Inbrott"}
    with django_assert_num_queries(0):
        assert facet_labels("themes", ["b"], "sv") == {"b": "Inbrott"}


def test_a_renamed_term_is_labelled_anew_and_a_missing_name_falls_back():
    theme = Theme.objects.create(name_da="Indbrud", name_sv="Inbrott", name_en="", slug="b")
    assert facet_labels("themes", ["b"], "en") == {"b": "Indbrud"}
    theme.name_en = "Burglary"
    theme.save()
    assert facet_labels("themes", ["b"], "en") == {"b": "Burglary"}
