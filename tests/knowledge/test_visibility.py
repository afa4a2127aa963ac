"""A page behind a view restriction shows nowhere the public looks, whatever lists it.

Each surface is tried with the password on the page itself, on the country section above it,
and on a page of which another section holds an alias (Wagtail asks the source page's password
on the alias too). `Hemmelig`/`Hemlig`/`Secret` is in every title of what must stay hidden.
"""

import json
import xml.etree.ElementTree as ET
from types import SimpleNamespace

import pytest
from django.utils import translation
from wagtail.models import PageViewRestriction

from knowledge.models import MethodPage
from knowledge.open_data import files
from tests.factories import add_page, make_programme, slugs, trilingual

HIDDEN_WORDS = ("Hemmelig", "Hemlig", "Secret")


def method(section, base, titles, country):
    return add_page(
        section,
        MethodPage(
            **slugs(base),
            **trilingual("title", *titles),
            **trilingual("summary", f"{titles[0]}.", f"{titles[1]}.", f"{titles[2]}."),
            country=country,
            original_language="da",
        ),
    )


@pytest.fixture
def site_pages(sections):
    """An open Swedish programme and method, a Danish programme and method to restrict.

    The open programme uses both methods; the Danish one uses the open method.
    """
    open_method = method(
        sections["methods"]["SE"],
        "oppen-metod",
        ("Åben metode", "Öppen metod", "Open method"),
        "SE",
    )
    secret_method = method(
        sections["methods"]["DK"],
        "hemmelig-metode",
        ("Hemmelig metode", "Hemlig metod", "Secret method"),
        "DK",
    )
    shown = make_programme(
        sections["programmes"]["SE"],
        base="oppet",
        methods=[open_method, secret_method],
        country="SE",
        **trilingual("title", "Åbent program", "Öppet program", "Open programme"),
    )
    secret = make_programme(
        sections["programmes"]["DK"],
        base="hemmelig",
        methods=[open_method],
        **trilingual("title", "Hemmeligt program", "Hemligt program", "Secret programme"),
    )
    return SimpleNamespace(
        sections=sections,
        open_method=open_method,
        secret_method=secret_method,
        shown=shown,
        secret=secret,
    )


def restrict(pages, where):
    """Put a password on the Danish pages (`page`), on their sections (`section`), or on them
    while the Swedish sections hold an alias of each (`alias`); returns the hidden pages."""
    sections = pages.sections
    hidden = [pages.secret, pages.secret_method]
    if where == "alias":
        for page, kind in ((pages.secret, "programmes"), (pages.secret_method, "methods")):
            hidden.append(page.create_alias(parent=sections[kind]["SE"]))
    targets = (
        [sections["programmes"]["DK"], sections["methods"]["DK"]]
        if where == "section"
        else [pages.secret, pages.secret_method]
    )
    for page in targets:
        PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    return hidden


@pytest.fixture(params=["page", "section", "alias"])
def hidden(request, site_pages):
    return restrict(site_pages, request.param)


def url_in(page, language="da"):
    with translation.override(language):
        return page.get_url()


def html_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def download(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def assert_hidden(text):
    for word in HIDDEN_WORDS:
        assert word not in text


def test_every_hidden_page_asks_for_the_password(client, site_pages, hidden):
    for page in hidden:
        assert 'name="password"' in html_of(client, url_in(page))


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_the_listings_leave_restricted_pages_out(client, site_pages, hidden, language):
    for index in ("programmes", "methods"):
        section = site_pages.sections[index]["SE"]
        for page in (section.get_parent(), section):
            html = html_of(client, url_in(page, language))
            assert_hidden(html)
    assert "Öppet program" in html_of(client, url_in(site_pages.shown.get_parent(), "sv"))


def test_the_home_page_neither_lists_nor_counts_restricted_pages(client, site_pages, hidden):
    response = client.get("/en/")
    assert response.status_code == 200
    assert [page.pk for page in response.context["recent"]] == [site_pages.shown.pk]
    counts = {row["code"]: row for row in response.context["countries"]}
    assert (counts["DK"]["programmes"], counts["DK"]["methods"]) == (0, 0)
    assert (counts["SE"]["programmes"], counts["SE"]["methods"]) == (1, 1)
    assert "hemmelig-burglary" not in {theme.slug for theme in response.context["themes"]}
    assert_hidden(response.content.decode())


def test_a_method_page_lists_only_the_programmes_anyone_may_see(client, site_pages, hidden):
    html = html_of(client, url_in(site_pages.open_method, "en"))
    assert "Open programme" in html
    assert_hidden(html)


def test_the_sitemap_leaves_restricted_pages_out(client, site_pages, hidden):
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = {loc.text for loc in root.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    assert f"http://testserver{url_in(site_pages.shown)}" in locations
    for page in hidden:
        assert f"http://testserver{url_in(page)}" not in locations


def test_open_data_exports_leave_restricted_pages_out(client, site_pages, hidden, export_root):
    files.write_exports()  # as the worker does after a change
    export = json.loads(download(client, "/api/open-data/export.json"))
    exported = {record["id"] for kind in ("programmes", "methods") for record in export[kind]}
    assert exported == {site_pages.shown.pk, site_pages.open_method.pk}
    csv = download(client, "/api/open-data/export.csv")
    assert "Öppet program" in csv
    assert_hidden(csv)


def test_api_v2_leaves_restricted_pages_out(client, site_pages, hidden):
    listed = client.get("/api/v2/pages/", {"type": "knowledge.ProgrammePage", "fields": "*"})
    assert [item["id"] for item in listed.json()["items"]] == [site_pages.shown.pk]
    assert_hidden(listed.content.decode())
    for page in hidden:
        assert client.get(f"/api/v2/pages/{page.pk}/").status_code == 404


def test_the_feeds_leave_restricted_pages_out(client, site_pages, hidden):
    feed = html_of(client, "/en/feeds/programmes/")
    assert "Open programme" in feed
    assert_hidden(feed)


def test_compare_neither_shows_a_restricted_page_nor_lists_a_restricted_method(
    client, site_pages, hidden
):
    html = html_of(client, f"/en/compare/?ids={site_pages.shown.pk}")
    assert "Open method" in html
    assert_hidden(html)
    for page in hidden:
        assert client.get(f"/en/compare/?ids={page.pk}").status_code == 404
