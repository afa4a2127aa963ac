"""Script and markup typed into any text field come out as text, never as live HTML.

Each field gets its own payload, so a failure names the field that leaks.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from knowledge.models import (
    MethodPage,
    Organisation,
    ProgrammeGoal,
    ProgrammePage,
    ProgrammePartner,
    Theme,
)
from search import indexing

pytestmark = pytest.mark.django_db

LANGUAGES = ["da", "sv", "en"]
PROGRAMME_FIELDS = ["summary", "funding_note", "implementation", "evidence_note", "contact"]
METHOD_FIELDS = ["summary", "what_it_is", "mechanism", "when_to_use", "requirements"]


def payload(name):
    return f'<script>alert("{name}")</script><img src=x onerror="{name}">'


def translated(field):
    return {f"{field}_{lang}": payload(f"{field}_{lang}") for lang in LANGUAGES}


def assert_escaped(html, names):
    for name in names:
        assert payload(name) not in html, f"{name} comes out as live markup"
        assert escape(payload(name)) in html, f"{name} is not shown (escaped) at all"


@pytest.fixture
def hostile(sections):
    """A programme and a method whose every text field, and every term's name, is markup."""
    theme = Theme.objects.create(slug="xss", **translated("name"))
    organisation = Organisation.objects.create(
        slug="xss-org",
        kind="police",
        country="DK",
        **{f"name_{lang}": payload(f"organisation_{lang}") for lang in LANGUAGES},
    )
    programme = ProgrammePage(
        slug_da="xss",
        slug_sv="xss",
        slug_en="xss",
        country="DK",
        original_language="da",
        **translated("title"),
        **{key: value for field in PROGRAMME_FIELDS for key, value in translated(field).items()},
    )
    with translation.override("da"):
        sections["programmes"]["DK"].add_child(instance=programme)
    programme.themes.add(theme)
    ProgrammeGoal.objects.create(
        page=programme,
        **{
            f"{part}_{lang}": payload(f"goal_{part}_{lang}")
            for part in ("text", "indicator", "target")
            for lang in LANGUAGES
        },
    )
    ProgrammePartner.objects.create(page=programme, organisation=organisation, role="lead")
    programme.save_revision().publish()
    method = MethodPage(
        slug_da="xss-metode",
        slug_sv="xss-metod",
        slug_en="xss-method",
        country="DK",
        **{f"title_{lang}": payload(f"method_title_{lang}") for lang in LANGUAGES},
        **{key: value for field in METHOD_FIELDS[1:] for key, value in translated(field).items()},
        **{f"summary_{lang}": payload(f"method_summary_{lang}") for lang in LANGUAGES},
    )
    with translation.override("da"):
        sections["methods"]["DK"].add_child(instance=method)
        method.save_revision().publish()
    return {"programme": programme, "method": method, "theme": theme}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_public_pages_show_markup_as_text(client, hostile, lang):
    with translation.override(lang):
        programme_url = hostile["programme"].get_url()
        method_url = hostile["method"].get_url()
    html = client.get(programme_url).content.decode()
    fields = ["title", *PROGRAMME_FIELDS, "name"]
    names = [f"{field}_{lang}" for field in fields]
    names += [f"goal_{part}_{lang}" for part in ("text", "indicator", "target")]
    assert_escaped(html, [*names, f"organisation_{lang}"])

    html = client.get(method_url).content.decode()
    names = [f"method_title_{lang}", f"method_summary_{lang}"]
    assert_escaped(html, names + [f"{field}_{lang}" for field in METHOD_FIELDS[1:]])


@pytest.mark.elasticsearch
def test_search_page_and_api_show_markup_as_text(client, engine, hostile, thesaurus_loaded):
    indexing.rebuild()
    typed = payload("query")
    html = client.get("/da/search/", {"q": f"alert {typed}"}).content.decode()
    assert payload("query") not in html and escape(typed) in html
    html = client.get("/da/search/", {"q": "alert"}).content.decode()
    assert_escaped(html, ["title_da", "method_title_da"])
    assert "<script>alert(" not in html

    response = client.get("/api/search/", {"q": "alert", "lang": "da"})
    assert response["Content-Type"] == "application/json"
    assert response["X-Content-Type-Options"] == "nosniff"
    body = response.json()
    titles = {result["title"] for result in body["results"]}
    assert payload("title_da") in titles, (
        "JSON carries the text as typed, to be escaped by its reader"
    )
    for result in body["results"]:
        for fragment in result["highlight"]:
            assert "<script>" not in fragment and "&lt;script&gt;" in fragment


def test_admin_lists_and_edit_forms_show_markup_as_text(admin_client, hostile):
    programme = hostile["programme"]
    pages = [
        reverse("wagtailadmin_explore", args=[programme.get_parent().pk]),
        reverse("wagtailadmin_pages:edit", args=[programme.pk]),
        reverse("wagtailsnippets_knowledge_theme:list"),
        reverse("wagtailsnippets_knowledge_theme:edit", args=[hostile["theme"].pk]),
    ]
    for url in pages:
        response = admin_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "<script>alert(" not in html, url
        assert escape(payload("name_da")) in html or escape(payload("title_da")) in html, url
