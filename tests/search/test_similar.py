"""The "similar programmes across the border" block: from the engine, remembered a while."""

import pytest
from django.core.cache import cache
from django.utils import translation

from search import indexing, similar
from tests.factories import add_programme

pytestmark = pytest.mark.elasticsearch

SHARED = (
    "Politiet og kommunen forebygger indbrud i boligområder med nabohjælp og tryghedsvandringer."
)


@pytest.fixture
def neighbours(engine, sections):
    danish = add_programme(
        sections["programmes"]["DK"], title_da="Tryg i Aarhus", summary_da=SHARED, country="DK"
    )
    swedish = add_programme(
        sections["programmes"]["SE"], title_da="Tryg i Malmö", summary_da=SHARED, country="SE"
    )
    add_programme(  # as like it as the Swedish one, but from the same country
        sections["programmes"]["DK"], title_da="Tryg i Odense", summary_da=SHARED, country="DK"
    )
    indexing.rebuild()
    return danish, swedish


def page_html(client, page):
    with translation.override("da"):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_a_programme_page_links_to_similar_pages_from_the_other_country(client, neighbours):
    danish, swedish = neighbours
    html = page_html(client, danish)
    block = html[html.index('class="similar"') :]
    block = block[: block.index("</section>")]
    assert "Tryg i Malmö" in block and "Tryg i Odense" not in block


def test_the_answer_is_remembered_until_the_page_is_published_again(client, neighbours):
    danish, _swedish = neighbours
    page_html(client, danish)
    remembered = similar.similar_across_border(danish, "da")
    assert [result.title for result in remembered] == ["Tryg i Malmö"]
    assert cache.get(similar._key(danish.pk, "da")) == remembered

    danish.save_revision().publish()
    assert cache.get(similar._key(danish.pk, "da")) is None


def test_publishing_one_of_the_similar_pages_forgets_the_answer_too(client, neighbours):
    danish, swedish = neighbours
    page_html(client, danish)
    assert cache.get(similar._key(danish.pk, "da")) is not None

    swedish.save_revision().publish()  # its title may have changed: it is shown on the Danish page
    assert cache.get(similar._key(danish.pk, "da")) is None


def test_nothing_is_remembered_when_the_engine_has_no_answer(client, sections, settings):
    settings.ELASTICSEARCH_INDEX = "bro-test-never-built"
    page = add_programme(
        sections["programmes"]["DK"], title_da="Alene", summary_da=SHARED, country="DK"
    )
    assert 'class="similar"' not in page_html(client, page)
    assert cache.get(similar._key(page.pk, "da")) is None
