"""The site speaks Danish, Swedish and English, under /da/, /sv/ and /en/."""

import re

import pytest
from django.db import connection

LANGUAGES = ["da", "sv", "en"]


@pytest.mark.django_db
def test_database_has_a_column_per_language_for_page_titles():
    with connection.cursor() as cursor:
        columns = {
            c.name
            for c in connection.introspection.get_table_description(cursor, "wagtailcore_page")
        }
    assert {"title_da", "title_sv", "title_en"} <= columns


@pytest.mark.parametrize(
    ("language", "title", "intro"),
    [
        ("da", "Forside", "Forebyggelse på tværs af grænsen."),
        ("sv", "Startsida", "Brottsförebyggande över gränsen."),
        ("en", "Home", "Prevention across the border."),
    ],
)
def test_home_page_renders_in_each_language(client, home_page, language, title, intro):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{title}</h1>" in html
    assert intro in html


def test_switcher_links_lead_to_the_same_page_in_each_language(client, home_page):
    html = client.get("/sv/").content.decode()
    switcher = html[html.index('class="language-switcher"') :]
    links = dict(re.findall(r'<a href="([^"]+)" hreflang="(\w\w)"', switcher)[:3][::1])
    assert sorted(links.values()) == sorted(LANGUAGES)
    for url, language in links.items():
        response = client.get(url)
        assert response.status_code == 200
        assert f'<html lang="{language}">' in response.content.decode()
        assert response.context["page"].id == home_page.id


def test_switcher_marks_the_current_language(client, home_page):
    html = client.get("/en/").content.decode()
    assert re.search(r'hreflang="en" lang="en" aria-current="true"', html)


def test_root_redirects_to_the_browsers_preferred_language(client, home_page):
    response = client.get("/", headers={"accept-language": "sv-SE,sv;q=0.9,en;q=0.5"})
    assert response.status_code == 302
    assert response["Location"] == "/sv/"


def test_root_redirects_unknown_languages_to_danish(client, home_page):
    response = client.get("/", headers={"accept-language": "fi"})
    assert response["Location"] == "/da/"


def test_hreflang_alternates_list_every_language(client, home_page):
    html = client.get("/da/").content.decode()
    for language in LANGUAGES:
        assert (
            f'<link rel="alternate" hreflang="{language}" href="http://testserver/{language}/">'
            in html
        )
