"""The thesaurus: in the database from the first migration on, extended by editors in the admin."""

import pytest

from search import thesaurus
from search.models import IndexTask, ThesaurusConcept

pytestmark = pytest.mark.django_db


def test_a_migrated_database_holds_several_hundred_concepts_in_three_languages():
    assert ThesaurusConcept.objects.count() > 300
    for concept in ThesaurusConcept.objects.all():
        assert concept.terms_da and concept.terms_sv and concept.terms_en, concept.concept


def test_loading_again_keeps_what_editors_changed():
    burglary = ThesaurusConcept.objects.get(concept="burglary")
    burglary.terms_sv = "inbrott|villainbrott"
    burglary.save()
    assert thesaurus.load_csv() == 0
    assert ThesaurusConcept.objects.get(concept="burglary").terms_sv == "inbrott|villainbrott"


def test_rules_join_the_three_languages_and_the_taxonomy_names():
    from knowledge.models import Theme

    ThesaurusConcept.objects.all().delete()  # one concept instead of the starting vocabulary
    ThesaurusConcept.objects.create(
        concept="burglary", terms_da="indbrud", terms_sv="inbrott", terms_en="burglary|break-in"
    )
    Theme.objects.create(
        name_da="Alkohol, tobak", name_sv="Alkohol, tobak", name_en="Alcohol", slug="a"
    )
    assert thesaurus.synonym_rules() == [
        "indbrud, inbrott, burglary, break-in",
        "alkohol tobak, alcohol",
    ]


def test_an_editor_adds_a_concept_in_the_admin_and_a_rebuild_is_queued(english_admin):
    response = english_admin.post(
        "/admin/snippets/search/thesaurusconcept/add/",
        {
            "concept": "bag-snatching",
            "terms_da": "tasketyveri",
            "terms_sv": "väskryckning",
            "terms_en": "bag snatching",
        },
    )
    assert response.status_code == 302
    assert ThesaurusConcept.objects.get(concept="bag-snatching").terms()[1] == "väskryckning"
    assert IndexTask.objects.filter(page_id=None).count() == 1
