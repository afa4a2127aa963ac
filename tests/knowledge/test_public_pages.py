"""The public programme, method, index and country pages, in Danish, Swedish and English."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import PageViewRestriction

from knowledge.models import (
    EvidenceLevel,
    PageSource,
    ProgrammeGoal,
    ProgrammePartner,
    Source,
    Study,
)
from tests.factories import implementation_site, make_method, make_programme

LANGUAGES = ["da", "sv", "en"]
#: What a programme page may cost in SQL, however many partners, sources, studies, sites or
#: ratings in its history it has (one query per kind of row; experiences are shown as sites).
PROGRAMME_PAGE_QUERIES = 17
LISTING_QUERIES = 20


@pytest.fixture
def method(sections):
    return make_method(sections["methods"]["DK"])


@pytest.fixture
def programme(sections, method):
    return make_programme(sections["programmes"]["DK"], methods=[method])


def url_in(page, language):
    with translation.override(language):
        return page.get_url()


def part(html, start, end):
    """The HTML from the first `start` to the next `end` after it."""
    begin = html.index(start)
    return html[begin : html.index(end, begin)]


@pytest.mark.parametrize(
    ("language", "title", "lead", "target_group", "goal"),
    [
        ("da", "Bo Trygt", "Midt- og Vestjyllands Politi", "Beboere", "Færre indbrud"),
        ("sv", "Bo Tryggt", "Polisen i Mittjylland", "Boende", "Färre inbrott"),
        ("en", "Live Safely", "Central and West Jutland Police", "Residents", "Fewer burglaries"),
    ],
)
def test_programme_page_shows_what_who_where_and_for_whom(
    client, programme, language, title, lead, target_group, goal
):
    response = client.get(url_in(programme, language))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f'<h1 id="page-heading">{title}</h1>' in html
    facts = part(html, 'class="facts"', "</aside>")
    for expected in (lead, "Herning Kommune" if language == "da" else "Herning", "TrygFonden"):
        assert expected in facts
    assert target_group in facts
    assert "2022–2027" in facts
    assert "5000000 DKK" in facts
    assert goal in part(html, 'id="goals-heading"', "</section>")


@pytest.mark.parametrize("language", LANGUAGES)
def test_evidence_badge_says_what_the_level_means(client, programme, language):
    html = client.get(url_in(programme, language)).content.decode()
    evidence = part(html, 'class="evidence', "</section>")
    with translation.override(language):
        label = str(EvidenceLevel.PROMISING.label)
        meaning = str(EvidenceLevel.PROMISING.explanation)
    assert re.search(
        rf'<span class="badge evidence-badge evidence-4">{re.escape(label)}</span>', evidence
    )
    assert meaning in evidence
    assert "Evaluering af Bo Trygt" in evidence


def test_sources_quote_the_supporting_passage_in_its_own_language(client, programme):
    html = client.get(url_in(programme, "en")).content.decode()
    sources = part(html, 'class="sources"', "</section>")
    assert "Referat af kredsrådsmøde" in sources
    assert (
        '<blockquote lang="da"><p>Bo Trygt skal forebygge, at hjem udsættes for indbrud.' in sources
    )


def test_methods_used_link_to_the_method_page(client, programme, method):
    html = client.get(url_in(programme, "sv")).content.decode()
    methods = part(html, 'id="methods-heading"', "</section>")
    assert f'<a href="{url_in(method, "sv")}">Dialogmöte</a>' in methods


def test_page_lists_the_languages_it_exists_in(client, programme):
    html = client.get(url_in(programme, "sv")).content.decode()
    languages = part(html, 'class="page-languages"', "</nav>")
    assert '<span aria-current="page" lang="sv">Svenska</span>' in languages
    for code in ("da", "en"):
        assert f'href="{url_in(programme, code)}" hreflang="{code}"' in languages
    assert "översatt" not in languages  # complete in every language


def test_untranslated_page_says_so_and_marks_the_shown_language(client, sections):
    page = make_programme(
        sections["programmes"]["DK"], base="kun-dansk", title_en="", summary_en="", slug_en=""
    )
    html = client.get(url_in(page, "en")).content.decode()
    assert '<h1 id="page-heading" lang="da">Bo Trygt</h1>' in html
    assert "has not been translated into your language yet" in html
    languages = part(html, 'class="page-languages"', "</nav>")
    assert "(not translated yet)" in languages
    swedish = client.get(url_in(page, "sv")).content.decode()
    assert "(ännu inte översatt)" in part(swedish, 'class="page-languages"', "</nav>")


def test_a_missing_translation_is_shown_in_the_original_language(client, sections):
    page = make_programme(
        sections["programmes"]["SE"],
        base="svensk",
        original_language="sv",
        country="SE",
        title_en="",
        summary_en="",
        implementation_en="",
        slug_en="",
    )
    html = client.get(url_in(page, "en")).content.decode()
    assert '<h1 id="page-heading" lang="sv">Bo Tryggt</h1>' in html
    assert '<div lang="sv"><p>Frivilliga.</p></div>' in html
    assert '<p class="lead" lang="sv">Bo Tryggt förebygger inbrott i danska hem.</p>' in html
    assert "Its text is shown in Swedish." in html


def test_programme_page_leaves_a_place_for_the_comparison_button(client, programme):
    html = client.get(url_in(programme, "da")).content.decode()
    assert 'class="page-actions"' in html


@pytest.mark.parametrize("restricted", ["section", "page"])
def test_a_password_on_the_page_or_above_it_hides_the_programme(
    client, sections, programme, restricted
):
    page = sections["programmes"]["DK"] if restricted == "section" else programme
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    html = client.get(url_in(programme, "en")).content.decode()
    assert 'name="password"' in html
    assert "Live Safely prevents burglary" not in html


def count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_programme_page_queries_do_not_grow_with_its_rows(client, programme):
    url = url_in(programme, "da")
    client.get(url)  # warm the site root cache and the routing
    programme.save_revision().publish()  # a new revision: the body is rendered anew
    before = count_queries(client, url)
    assert before <= PROGRAMME_PAGE_QUERIES
    extra = Source.objects.create(
        title="Pressemeddelelse", slug="press", kind="press_release", language="da"
    )
    page = programme.get_latest_revision_as_object()
    for n in range(4):
        page.source_links.add(PageSource(source=extra, passage=f"Passage {n}"))
        page.studies.add(Study(citation=f"Studie {n}", design="qualitative"))
        page.partners.add(
            ProgrammePartner(organisation=page.partners.first().organisation, role="partner")
        )
        page.implementation_sites.add(implementation_site(page.areas.first()))
    page.save_revision().publish()
    assert count_queries(client, url) == before


def test_a_programme_page_viewed_again_reuses_its_rendered_body(client, programme):
    url = url_in(programme, "en")
    first = client.get(url).content.decode()
    again = count_queries(client, url)
    assert again <= PROGRAMME_PAGE_QUERIES // 2
    assert client.get(url).content.decode() == first


def test_a_published_change_shows_at_once(client, programme):
    url = url_in(programme, "en")
    client.get(url)
    page = programme.get_latest_revision_as_object()
    page.implementation_en = "Two officers and a weekend course."
    page.goals.add(ProgrammeGoal(text_da="Ingen indbrud", text_en="No burglaries at all"))
    page.save_revision().publish()
    html = client.get(url).content.decode()
    assert "Two officers and a weekend course." in part(
        html, 'id="implementation-heading"', "</section>"
    )
    assert "No burglaries at all" in part(html, 'id="goals-heading"', "</section>")


def test_a_preview_shows_the_draft_not_the_cached_live_page(client, programme):
    client.get(url_in(programme, "en"))  # the live body is cached
    draft = programme.get_latest_revision_as_object()
    draft.implementation_en = "Two officers and a weekend course."
    with translation.override("en"):
        response = draft.make_preview_request()
    assert "Two officers and a weekend course." in response.render().content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_method_page_shows_its_programmes_and_evidence(client, programme, method, language):
    response = client.get(url_in(method, language))
    assert response.status_code == 200
    html = response.content.decode()
    programmes = part(html, 'id="programmes-heading"', "</section>")
    assert url_in(programme, language) in programmes
    with translation.override(language):
        assert str(EvidenceLevel.NOT_EVALUATED.explanation) in html


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("index", ["programmes", "methods"])
def test_index_and_country_pages_list_their_pages(
    client, sections, programme, method, language, index, django_assert_max_num_queries
):
    shown = programme if index == "programmes" else method
    section = sections[index]["DK"]
    for page in (section.get_parent(), section):
        url = url_in(page, language)
        client.get(url)
        with django_assert_max_num_queries(LISTING_QUERIES):
            response = client.get(url)
        html = response.content.decode()
        assert response.status_code == 200
        assert f'<a href="{url_in(shown, language)}">' in html
        nav = part(html, 'class="section-nav"', "</nav>")
        assert url_in(sections[index]["SE"], language) in nav


def test_listing_queries_do_not_grow_with_the_number_of_pages(client, sections, programme):
    url = url_in(sections["programmes"]["DK"].get_parent(), "en")
    client.get(url)
    before = count_queries(client, url)
    for n in range(5):
        make_programme(sections["programmes"]["DK"], base=f"extra-{n}")
    assert count_queries(client, url) == before


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert len(blocks) == 1
    return json.loads(blocks[0])


def test_meta_description_open_graph_and_structured_data(client, programme):
    html = client.get(url_in(programme, "en")).content.decode()
    summary = "Live Safely prevents burglary in Danish homes."
    assert f'<meta name="description" content="{summary}">' in html
    assert f'<meta property="og:description" content="{summary}">' in html
    assert '<meta property="og:title" content="Live Safely">' in html
    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="og:locale" content="en_GB">' in html
    assert f'<meta property="og:url" content="http://testserver{url_in(programme, "en")}">' in html
    data = json_ld(html)
    assert data["@type"] == "WebPage"
    assert data["name"] == "Live Safely"
    assert data["inLanguage"] == "en"
    assert [item["name"] for item in data["breadcrumb"]["itemListElement"]] == [
        "Home",
        "Programmes",
        "Denmark",
    ]
    assert data["citation"][0]["name"] == "Referat af kredsrådsmøde"


def test_a_title_cannot_break_out_of_the_structured_data(client, sections):
    title = 'Tryg </script><script>alert("x")</script> & sikker'
    page = make_programme(sections["programmes"]["DK"], base="evil", title_en=title)
    html = client.get(url_in(page, "en")).content.decode()
    assert "<script>alert" not in html
    assert json_ld(html)["name"] == title
    assert '<meta property="og:title" content="Tryg &lt;/script&gt;' in html


def test_language_switcher_keeps_the_place_in_a_listing(client, sections):
    index = sections["programmes"]["DK"].get_parent()
    html = client.get(url_in(index, "da") + "?p=2").content.decode()
    switcher = part(html, 'class="language-switcher"', "</nav>")
    assert f'<a href="{url_in(index, "sv")}?p=2" hreflang="sv"' in switcher
