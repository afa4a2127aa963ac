"""A page behind a view restriction is not in the index, and a change of restriction reaches it.

Against the real Elasticsearch node: the rebuild, the search API, its suggestions, the overview
counts, the similar-pages block and the database fallback, with the password on the page and
on the country section above it.
"""

import pytest
from django.conf import settings
from django.utils import translation
from wagtail.models import PageViewRestriction

from search import indexing
from search.fallback import database_search
from search.overview.aggregations import Scope, run_overview
from search.params import SearchParams
from tests.factories import make_method, make_programme, trilingual

pytestmark = pytest.mark.elasticsearch


@pytest.fixture
def neighbours(engine, thesaurus_loaded, sections):
    """Two programmes much alike, a Swedish one and a Danish one that gets a password."""
    shown = make_programme(
        sections["programmes"]["SE"],
        base="oppet",
        country="SE",
        **trilingual("title", "Åbent program", "Öppet program", "Open programme"),
    )
    secret = make_programme(
        sections["programmes"]["DK"],
        base="hemmelig",
        **trilingual("title", "Hemmeligt program", "Hemligt program", "Secret programme"),
    )
    return shown, secret


def restriction_on(secret, where):
    page = secret.get_parent() if where == "section" else secret
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


def indexed_ids(client):
    client.indices.refresh(index=settings.ELASTICSEARCH_INDEX)
    hits = client.search(index=settings.ELASTICSEARCH_INDEX, size=100)["hits"]["hits"]
    return {int(hit["_id"]) for hit in hits}


def api_ids(client, query):
    response = client.get("/api/search/", {"q": query, "lang": "en"})
    assert response.status_code == 200
    return {result["id"] for result in response.json()["results"]}


def suggestions(client, text):
    response = client.get("/api/search/suggest/", {"q": text})
    assert response.status_code == 200
    return response.json()["suggestions"]


@pytest.mark.parametrize("where", ["page", "section"])
def test_a_rebuild_leaves_a_restricted_page_out_of_every_search(client, engine, neighbours, where):
    shown, secret = neighbours
    restriction_on(secret, where)
    indexing.rebuild()
    assert indexed_ids(engine) == {shown.pk}
    assert api_ids(client, "Hemmeligt") == set()
    assert api_ids(client, "programme") == {shown.pk}
    assert suggestions(client, "Hemmel") == []
    assert [item["title"] for item in suggestions(client, "Åbent")] == ["Åbent program"]
    [denmark, sweden] = run_overview(
        [Scope("DK", "Denmark", {"country": ["DK"]}), Scope("SE", "Sweden", {"country": ["SE"]})]
    )
    assert (denmark.total, sweden.total) == (0, 1)
    assert indexing.check().ok


@pytest.mark.parametrize("where", ["page", "section"])
def test_the_database_fallback_leaves_a_restricted_page_out(neighbours, where):
    shown, secret = neighbours
    restriction_on(secret, where)
    assert database_search(SearchParams(q="Hemmeligt")) == (0, [])
    count, pages = database_search(SearchParams(q="program"))
    assert (count, [page.pk for page in pages]) == (1, [shown.pk])


@pytest.mark.parametrize("where", ["page", "section"])
def test_adding_then_removing_a_restriction_updates_the_index(
    client, engine, neighbours, where, django_capture_on_commit_callbacks
):
    shown, secret = neighbours
    indexing.rebuild()
    assert indexed_ids(engine) == {shown.pk, secret.pk}

    with django_capture_on_commit_callbacks(execute=True):
        restriction = restriction_on(secret, where)
    assert indexed_ids(engine) == {shown.pk}
    assert api_ids(client, "Hemmeligt") == set()

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()
    assert indexed_ids(engine) == {shown.pk, secret.pk}
    assert api_ids(client, "Hemmeligt") == {secret.pk}


def test_the_similar_block_forgets_a_page_restricted_since(
    client, engine, neighbours, django_capture_on_commit_callbacks
):
    shown, secret = neighbours
    indexing.rebuild()
    with translation.override("en"):
        url = shown.get_url()
    assert "Secret programme" in client.get(url).content.decode()  # now remembered

    with django_capture_on_commit_callbacks(execute=True):
        restriction_on(secret, "page")
    html = client.get(url).content.decode()
    assert "Open programme" in html
    assert "Secret programme" not in html


@pytest.mark.parametrize("where", ["page", "section"])
def test_a_programme_page_drops_a_method_restricted_after_its_body_was_cached(
    client, engine, sections, where, django_capture_on_commit_callbacks
):
    secret_method = make_method(sections["methods"]["DK"])  # "Dialogue meeting"
    shown = make_programme(sections["programmes"]["SE"], methods=[secret_method], country="SE")
    with translation.override("en"):
        url = shown.get_url()
    assert "Dialogue meeting" in client.get(url).content.decode()  # the body is now cached

    with django_capture_on_commit_callbacks(execute=True):
        restriction_on(secret_method, where)
    html = client.get(url).content.decode()
    assert "Live Safely" in html
    assert "Dialogue meeting" not in html
