"""sitemap.xml lists every language version of every live page, with hreflang alternates."""

import xml.etree.ElementTree as ET

from django.utils import translation

from tests.factories import make_programme

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
LANGUAGES = ["da", "sv", "en"]


def test_every_language_version_is_listed_with_its_alternates(client, sections):
    page = make_programme(sections["programmes"]["DK"])
    draft = make_programme(sections["programmes"]["DK"], base="kladde")
    draft.unpublish()
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    entries = {
        url.find("s:loc", NS).text: {
            link.get("hreflang"): link.get("href") for link in url.findall("x:link", NS)
        }
        for url in root.findall("s:url", NS)
    }
    versions = {}
    for language in LANGUAGES:
        with translation.override(language):
            versions[language] = f"http://testserver{page.get_url()}"
    for language, location in versions.items():
        assert entries[location] == {**versions, "x-default": versions["da"]}, language
    home = {lang: f"http://testserver/{lang}/" for lang in LANGUAGES}
    assert entries["http://testserver/sv/"] == {**home, "x-default": home["da"]}
    assert not [loc for loc in entries if "kladde" in loc]
    assert len(entries) == 3 * 8  # home, 2 indexes, 4 country sections, 1 programme


def test_robots_txt_points_crawlers_to_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
