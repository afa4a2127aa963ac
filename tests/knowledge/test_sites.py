"""Where a programme has run: the sites on its page, in the reader's language or the original."""

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import implementation_site, make_programme


@pytest.fixture
def programme_with_site(sections, ostergotland):
    page = make_programme(sections["programmes"]["DK"])
    page.implementation_sites = [implementation_site(ostergotland)]
    page.save_revision().publish()
    return page


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_programme_page_shows_where_it_has_run(client, programme_with_site, language):
    with translation.override(language):
        url = programme_with_site.get_url()
    html = client.get(url).content.decode()
    sites = html[
        html.index('class="sites"') : html.index("</section>", html.index('class="sites"'))
    ]
    area = "Østergötland" if language == "da" else "Östergötland"
    assert area in sites and "2019–2023" in sites and "Linköpings kommun" in sites
    marked = "" if language == "da" else ' lang="da"'
    assert f"<dd{marked}>Skolerne skal med fra starten.</dd>" in sites


def test_site_cannot_end_before_it_starts(ostergotland):
    site = implementation_site(ostergotland, start_year=2022, end_year=2020)
    with pytest.raises(ValidationError) as error:
        site.clean()
    assert "end_year" in error.value.message_dict
