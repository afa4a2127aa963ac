"""A page written in one language only is whole on every public surface, under every prefix.

A reader of another language sees its real title (never an empty one), marked with the
language it is in, and every link to it opens it. The sitemap names only the languages it is
written in, with `x-default`.
"""

import csv
import io
import json
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse
from django.utils import translation

from knowledge.models import Theme
from knowledge.open_data import files
from search import indexing
from tests.factories import add_single_language_programme

pytestmark = [pytest.mark.elasticsearch, pytest.mark.usefixtures("export_root")]

READERS = ["da", "sv", "en"]
TITLES = {"sv": "Trygghetsvandringar i Rosengård", "da": "Tryghedsvandringer i Gellerup"}
SUMMARIES = {
    "sv": "Boende och polisen går tillsammans genom området och rättar till det som skrämmer.",
    "da": "Beboere og politiet går sammen gennem området og retter op på det, der skræmmer.",
}
SITEMAP = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}


@pytest.fixture
def written_once(engine, sections):
    """A Swedish-only and a Danish-only programme on one theme, indexed and exported."""
    theme = Theme.objects.create(
        slug="safety-walks", name_da="Tryghed", name_sv="Trygghet", name_en="Safety"
    )
    pages = {
        language: add_single_language_programme(
            sections["programmes"][country],
            language,
            TITLES[language],
            SUMMARIES[language],
            themes=[theme],
        )
        for language, country in (("sv", "SE"), ("da", "DK"))
    }
    indexing.rebuild()
    files.write_exports()
    return pages


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return BeautifulSoup(response.content, "html.parser")


def opens_the_page(client, url, language):
    """The link leads to the page, which shows its title under the link's language prefix."""
    path = urlsplit(url).path
    page = html(client, path)
    heading = page.find("h1")
    assert heading.get_text(strip=True) == TITLES[language], path


def link_to(soup, language):
    """The element naming the page: its text is the title, in the page's language."""
    found = soup.find(string=lambda text: text.strip() == TITLES[language])
    assert found is not None, f"no title {TITLES[language]!r}"
    return found.parent


def href(element):
    """The address of the link the element is, or is inside."""
    anchor = element if element.name == "a" else element.find_parent("a")
    assert anchor is not None, element
    return anchor["href"]


def marked(element, language, reader):
    """Text in another language than the reader's carries its lang and a visible label."""
    if language == reader:
        return
    carrier = element if element.get("lang") else element.find_parent(attrs={"lang": True})
    assert carrier is not None and carrier["lang"] == language, element
    label = element.find_parent(["li", "tr", "td", "header", "div", "h3"])
    assert label.find(class_="language-tag"), label


def url_in(reader, name, **kwargs):
    with translation.override(reader):
        return reverse(name, **kwargs)


def page_url(page, reader):
    with translation.override(reader):
        return page.get_url()


def on_the_page(client, page, language, reader):
    soup = html(client, page_url(page, reader))
    heading = soup.find("h1")
    assert heading.get_text(strip=True) == TITLES[language]
    if language != reader:
        assert heading["lang"] == language
    structured = json.loads(soup.find("script", type="application/ld+json").string)
    assert structured["name"] == TITLES[language]
    assert structured["inLanguage"] == language
    assert urlsplit(structured["url"]).path == page_url(page, reader)


def in_a_listing(client, url, language, reader):
    soup = html(client, url)
    element = link_to(soup, language)
    marked(element, language, reader)
    opens_the_page(client, href(element), language)


def in_the_programme_index(client, pages, language, reader):
    in_a_listing(
        client, page_url(pages[language].get_parent().get_parent(), reader), language, reader
    )


def in_the_country_section(client, pages, language, reader):
    in_a_listing(client, page_url(pages[language].get_parent(), reader), language, reader)


def on_the_home_page(client, pages, language, reader):
    in_a_listing(client, f"/{reader}/", language, reader)


def in_the_search_results(client, pages, language, reader):
    in_a_listing(client, url_in(reader, "search") + "?q=Rosengård Gellerup", language, reader)


def in_the_suggestions(client, pages, language, reader):
    answer = client.get(reverse("api-suggest"), {"q": TITLES[language][:12], "lang": reader}).json()
    found = [s for s in answer["suggestions"] if s["id"] == pages[language].pk]
    assert found and found[0]["title"] == TITLES[language]
    assert found[0]["shown_language"] == ("" if language == reader else language)
    opens_the_page(client, found[0]["url"], language)
    assert urlsplit(found[0]["url"]).path.startswith(f"/{reader}/")


def among_the_similar_programmes(client, pages, language, reader):
    other = pages["da" if language == "sv" else "sv"]
    in_a_listing(client, page_url(other, reader), language, reader)


def in_the_comparison(client, pages, language, reader):
    ids = ",".join(str(page.pk) for page in pages.values())
    soup = html(client, url_in(reader, "compare") + f"?ids={ids}")
    element = link_to(soup, language)
    marked(element, language, reader)
    opens_the_page(client, href(element), language)
    export = client.get(url_in(reader, "compare_export", kwargs={"fmt": "csv"}) + f"?ids={ids}")
    header = next(csv.reader(io.StringIO(export.content.decode("utf-8-sig"))))
    expected = TITLES[language]
    if language != reader:
        assert any(cell.startswith(f"{expected} (") for cell in header), header
    else:
        assert expected in header


def in_the_overview(client, pages, language, reader):
    soup = html(client, url_in(reader, "overview"))
    assert soup.find("h1").get_text(strip=True)


def in_the_open_data_api(client, pages, language, reader):
    record = client.get(f"/api/v2/pages/{pages[language].pk}/").json()
    assert record["original_language"] == language
    assert record[f"title_{language}"] == TITLES[language]
    opens_the_page(client, record[f"url_{reader}"], language)


def in_the_json_export(client, pages, language, reader):
    response = client.get(reverse("open-data-export-json"))
    export = json.loads(b"".join(response.streaming_content))
    record = next(r for r in export["programmes"] if r["id"] == pages[language].pk)
    assert record[f"title_{language}"] == TITLES[language]
    opens_the_page(client, record[f"url_{reader}"], language)


def in_the_csv_export(client, pages, language, reader):
    response = client.get(reverse("open-data-export-csv"))
    rows = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))
    row = next(r for r in rows if r["id"] == str(pages[language].pk))
    assert row[f"title_{language}"] == TITLES[language]
    opens_the_page(client, row[f"url_{reader}"], language)


def in_the_feed(client, pages, language, reader):
    response = client.get(url_in(reader, "programme-feed"))
    assert response.status_code == 200
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.fromstring(response.content).iter(f"{atom}entry")
    items = {e.findtext(f"{atom}title"): e.find(f"{atom}link").get("href") for e in entries}
    assert TITLES[language] in items, items
    opens_the_page(client, items[TITLES[language]], language)


SURFACES = [
    in_the_programme_index,
    in_the_country_section,
    on_the_home_page,
    in_the_search_results,
    in_the_suggestions,
    among_the_similar_programmes,
    in_the_comparison,
    in_the_overview,
    in_the_open_data_api,
    in_the_json_export,
    in_the_csv_export,
    in_the_feed,
]


def under_every_prefix(check, client, pages):
    """`check` for both pages and every reader; all the failures together, each named."""
    failures = []
    for language in pages:
        for reader in READERS:
            try:
                check(client, pages, language, reader)
            except AssertionError as error:
                failures.append(f"{language} page, /{reader}/: {error}")
    assert not failures, "\n".join(failures)


def test_the_page_itself_shows_its_title_under_every_prefix(client, written_once):
    under_every_prefix(
        lambda client, pages, language, reader: on_the_page(
            client, pages[language], language, reader
        ),
        client,
        written_once,
    )


@pytest.mark.parametrize("surface", SURFACES, ids=lambda surface: surface.__name__)
def test_every_surface_shows_a_real_title_and_a_working_link(client, written_once, surface):
    under_every_prefix(surface, client, written_once)


@pytest.mark.parametrize("language", ["sv", "da"])
def test_the_sitemap_names_only_the_written_language_and_a_default(client, written_once, language):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    entries = {
        url.find("s:loc", SITEMAP).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", SITEMAP)
        }
        for url in root.findall("s:url", SITEMAP)
    }
    own = f"http://testserver{page_url(written_once[language], language)}"
    assert entries[own] == {language: own, "x-default": own}
    others = [
        f"http://testserver{page_url(written_once[language], reader)}"
        for reader in READERS
        if reader != language
    ]
    assert not [location for location in others if location in entries]
