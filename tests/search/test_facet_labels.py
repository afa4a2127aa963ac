"""Facet labels come from the taxonomy in the reader's language, cached, and follow renames."""

import pytest
from django.core.cache import cache

from knowledge.models import Area, Registry, Theme
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


@pytest.mark.parametrize(
    ("language", "cost", "strength"),
    [("da", "Lav", "Stærk"), ("sv", "Låg", "Stark"), ("en", "Low", "Strong")],
)
def test_the_new_facets_are_labelled_in_the_readers_language(language, cost, strength):
    assert facet_labels("cost_band", ["low"], language) == {"low": cost}
    assert facet_labels("effect_strength", ["strong"], language) == {"strong": strength}
    assert facet_labels("registries", ["eif"], language) == {"eif": "EIF Guidebook"}


def test_a_renamed_registry_is_labelled_anew(django_assert_num_queries):
    assert facet_labels("registries", ["eif"], "da") == {"eif": "EIF Guidebook"}
    with django_assert_num_queries(0):
        facet_labels("registries", ["eif"], "da")
    registry = Registry.objects.get(slug="eif")
    registry.name = "Early Intervention Foundation Guidebook"
    registry.save()
    assert facet_labels("registries", ["eif"], "da") == {
        "eif": "Early Intervention Foundation Guidebook"
    }


def test_areas_where_a_page_has_run_are_labelled_like_areas():
    Area.objects.create(
        slug="ost", name_da="Østergötland", name_sv="Östergötland", name_en="", kind="county",
        country="SE",
    )  # fmt: skip
    assert facet_labels("site_areas", ["ost"], "da") == {"ost": "Østergötland"}
    assert facet_labels("site_areas", ["ost"], "en") == {"ost": "Østergötland"}
