"""The Atom feeds: in the reader's language, per theme, newest changes first, clear 404s."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_programmes

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def feed(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content
    assert response["Content-Type"].startswith("application/atom+xml")
    return ET.fromstring(response.content)


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "summary": entry.findtext(f"{ATOM}summary"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "categories": [c.get("term") for c in entry.findall(f"{ATOM}category")],
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_the_feed_speaks_the_readers_language(client, open_data_pages):
    root = feed(client, "/sv/feeds/programmes/")
    assert root.get(XML_LANG) == "sv"
    assert root.findtext(f"{ATOM}title") == "Bro: nya och uppdaterade program"
    found = entries(root)
    # Programmes only: no method, no draft, no password-protected page.
    assert sorted(e["title"] for e in found) == ["Beställ en polis", "Trygghet i Östergötland"]
    assert all(e["link"].startswith("http://testserver/sv/program/") for e in found)
    swedish = next(e for e in found if e["title"] == "Trygghet i Östergötland")
    assert swedish["summary"] == "Länets kommuner förebygger inbrott tillsammans."
    assert swedish["categories"] == ["Inbrott"]


def test_a_missing_translation_falls_back_to_the_original_language(client, open_data_pages):
    found = {e["title"]: e for e in entries(feed(client, "/en/feeds/programmes/"))}
    # No English: the Swedish programme shows its Swedish original, not the Danish translation.
    assert found["Trygghet i Östergötland"]["summary"] == (
        "Länets kommuner förebygger inbrott tillsammans."
    )
    # English title, no English summary: the summary is the Danish original.
    assert found["Order a police officer"]["summary"] == "Et kriminalpræventivt program."


def test_the_newest_change_comes_first(client, open_data_pages):
    titles = [e["title"] for e in entries(feed(client, "/da/feeds/programmes/"))]
    assert titles == ["Bestil en betjent", "Tryghed i Östergötland"]
    open_data_pages.programme.save_revision().publish()
    titles = [e["title"] for e in entries(feed(client, "/da/feeds/programmes/"))]
    assert titles == ["Tryghed i Östergötland", "Bestil en betjent"]


def test_a_theme_feed_holds_only_that_themes_published_programmes(client, open_data_pages):
    root = feed(client, "/da/feeds/programmes/theme/burglary/")
    assert root.findtext(f"{ATOM}title") == "Bro: nye og opdaterede programmer om Indbrud"
    assert [e["title"] for e in entries(root)] == ["Tryghed i Östergötland"]
    alternate = root.find(f"{ATOM}link[@rel='alternate']").get("href")
    assert alternate == "http://testserver/da/search/?themes=burglary"


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_an_unknown_theme_is_a_404_that_says_so(client, theme, home_page, language):
    response = client.get(f"/{language}/feeds/programmes/theme/no-such-theme/")
    assert response.status_code == 404
    html = response.content.decode()
    message = {"da": "Der er intet tema", "sv": "Det finns inget tema", "en": "There is no theme"}
    assert message[language] in html
    assert "no-such-theme" in html
    assert f'href="/{language}/feeds/programmes/theme/burglary/"' in html


def test_a_theme_that_is_no_slug_is_a_404_not_an_error(client, home_page):
    assert client.get("/da/feeds/programmes/theme/<script>/").status_code == 404


def feed_links(html):
    return re.findall(
        r'<link rel="alternate" type="application/atom\+xml"[^>]*href="([^"]+)"', html
    )


def test_every_page_announces_the_feed_in_its_language(client, open_data_pages):
    html = client.get(open_data_pages.programme.get_url()).content.decode()
    assert feed_links(html) == ["/da/feeds/programmes/"]
    html = client.get("/sv/").content.decode()
    assert feed_links(html) == ["/sv/feeds/programmes/"]


def test_a_theme_search_announces_the_themes_feed(client, theme, home_page):
    html = client.get("/sv/search/?themes=burglary").content.decode()
    assert feed_links(html) == ["/sv/feeds/programmes/", "/sv/feeds/programmes/theme/burglary/"]


def test_the_feed_costs_the_same_queries_for_more_pages(client, open_data_pages, sections):
    def queries():
        with CaptureQueriesContext(connection) as captured:
            feed(client, "/da/feeds/programmes/")
        return len(captured)

    queries()  # fills the site-root cache that page URLs read
    few = queries()
    add_programmes(sections["programmes"]["DK"], 3, themes=[open_data_pages.theme])
    assert queries() == few
