"""The header's navigation: the pages below the home page, then search, compare and overview."""

import re

import pytest
from django.utils import translation

LANGUAGES = ["da", "sv", "en"]


@pytest.mark.parametrize("language", LANGUAGES)
def test_header_navigation_leads_to_the_indexes_and_search(client, sections, language):
    html = client.get(f"/{language}/").content.decode()
    nav = html[
        html.index('class="main-nav"') : html.index("</nav>", html.index('class="main-nav"'))
    ]
    links = re.findall(r'<a href="([^"]+)"', nav)
    programmes, methods = (sections[kind]["DK"].get_parent() for kind in ("programmes", "methods"))
    with translation.override(language):
        expected = [programmes.get_url(), methods.get_url()] + [
            f"/{language}/{view}/" for view in ("search", "compare", "overview")
        ]
    assert links == expected
    # The overview counts from the index, which this test does not build (tests/search does).
    for link in links[:-1]:
        assert client.get(link).status_code == 200


def nav_links(client, url):
    return [href for href, _label in nav_items(client, url)]


def nav_items(client, url):
    html = client.get(url).content.decode()
    nav = html[html.index('class="main-nav"') :]
    return re.findall(r'<a href="([^"]+)"[^>]*>([^<]*)</a>', nav[: nav.index("</nav>")])


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("da", ["Programmer", "Metoder", "Søgning", "Sammenlign", "Overblik"]),
        ("sv", ["Program", "Metoder", "Sökning", "Jämför", "Översikt"]),
        ("en", ["Programmes", "Methods", "Search", "Compare", "Overview"]),
    ],
)
def test_navigation_names_each_link_in_the_readers_language(client, sections, language, labels):
    assert [label for _href, label in nav_items(client, f"/{language}/")] == labels


def test_a_page_unpublished_below_home_leaves_the_navigation_at_once(client, sections):
    methods = sections["methods"]["DK"].get_parent().specific
    assert "/en/methods/" in nav_links(client, "/en/")
    methods.unpublish()
    assert "/en/methods/" not in nav_links(client, "/en/")


def test_navigation_follows_a_renamed_index_at_once(client, sections):
    index = sections["programmes"]["DK"].get_parent().specific
    assert "/en/programmes/" in nav_links(client, "/en/")
    index.slug_en = "initiatives"
    index.save_revision().publish()
    links = nav_links(client, "/en/")
    assert "/en/initiatives/" in links and "/en/programmes/" not in links
