"""The benchmark's corpus generator on a small corpus: what it writes is what editors make.

The benchmark itself never runs in the test suite; this checks that its fast loading path
gives a sound page tree, pages that render in every language, a revision per page, an index
that matches the database, and the same pages for the same seed.

The corpus grows from the demo content, loaded once for the module (tests/conftest.py); each
test adds its generated pages in a transaction of its own.
"""

import pytest

from benchmarks.corpus import Generator, Taxonomy, editor_users, existing_pages, load_corpus
from benchmarks.verify import verify
from knowledge.models import MethodPage, ProgrammePage
from search import indexing

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content_of_the_module")]


@pytest.mark.elasticsearch
def test_small_corpus_is_sound_renders_and_indexes(engine):
    load_corpus(60, seed=1)

    assert existing_pages() == 60
    assert MethodPage.objects.filter(owner__username="bench-editor-dk").exists() or (
        MethodPage.objects.filter(owner__username="bench-editor-se").exists()
    )
    report = verify(sample=5)
    assert report["tree_ok"], report["tree_problems"]
    assert report["render_failures"] == []
    assert report["revisions_missing"] == []
    assert indexing.rebuild().indexed == 60
    assert indexing.check().ok


def test_generated_programmes_are_translated_and_linked(db):
    load_corpus(40, seed=2)
    page = ProgrammePage.objects.filter(owner__username__startswith="bench-").first()

    assert all(getattr(page, f"title_{lang}") for lang in ("da", "sv", "en"))
    assert all(getattr(page, f"summary_{lang}") for lang in ("da", "sv", "en"))
    assert page.partners.filter(role="lead").count() == 1
    assert page.goals.count() == 2
    assert page.themes.exists() and page.areas.exists() and page.source_links.exists()
    assert page.live_revision.as_object().title_sv == page.title_sv


def test_same_seed_same_pages(db):
    load_corpus(24)  # the demo content only: the taxonomy to write with

    def titles(seed):
        generator = Generator(seed, Taxonomy.read(), editor_users())
        return [generator.programme().title_da for _ in range(5)]

    assert titles("a") == titles("a")
    assert titles("a") != titles("b")


def test_pages_are_written_in_forms_of_their_own(db):
    load_corpus(24)
    generator = Generator(6, Taxonomy.read(), editor_users())
    for _ in range(10):
        generator.method()
    pages = [generator.programme() for _ in range(100)]

    # Not one template with the words filled in: the titles start in many ways...
    assert len({" ".join(page.title_en.split()[:2]) for page in pages}) >= 40
    # ...and the summaries say more or less, from one sentence to three.
    assert {page.summary_da.count(". ") + 1 for page in pages} >= {1, 2, 3}
    assert len({page.title_da for page in pages}) == 100
