"""Listings are in the order of the titles the reader sees.

A page written in one language only is listed by its original title under every language
prefix, among the others, not first or last because its title in the reader's language is empty.
"""

import pytest
from bs4 import BeautifulSoup
from django.utils import translation

from tests.factories import add_single_language_programme

READERS = ["da", "sv", "en"]
#: In alphabetical order, with the section each is in and the language it is written in.
PAGES = [
    ("DK", "da", "Bo trygt"),
    ("DK", "en", "Cyber safety for pupils"),
    ("SE", "sv", "Grannsamverkan i Lund"),
    ("DK", "da", "Nabohjælp i Aalborg"),
]
TITLES = [title for _country, _language, title in PAGES]


@pytest.fixture
def written_once(sections):
    """Programmes in one language each, added out of order."""
    for country, language, title in reversed(PAGES):
        add_single_language_programme(sections["programmes"][country], language, title)
    return sections["programmes"]


def listed_titles(client, page, reader):
    """The programme titles on the listing, in the order it shows them."""
    with translation.override(reader):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200, url
    main = BeautifulSoup(response.content, "html.parser").find("main")
    return list(dict.fromkeys(text for text in main.stripped_strings if text in TITLES))


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_the_programme_index_lists_by_the_shown_title(client, written_once, reader):
    index = written_once["DK"].get_parent()
    assert listed_titles(client, index, reader) == TITLES


@pytest.mark.django_db
@pytest.mark.parametrize("reader", READERS)
def test_a_country_section_lists_by_the_shown_title(client, written_once, reader):
    danish = [title for country, _language, title in PAGES if country == "DK"]
    assert listed_titles(client, written_once["DK"], reader) == danish
