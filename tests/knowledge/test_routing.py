"""Serving a page by its slug in each language, without loading its siblings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from knowledge.models import MethodPage

pytestmark = pytest.mark.django_db


def add_method(section, number):
    page = MethodPage(
        title_da=f"Metode {number}",
        title_sv=f"Metod {number}",
        title_en=f"Method {number}",
        slug_da=f"metode-{number}",
        slug_sv=f"metod-{number}",
        slug_en=f"method-{number}",
        summary_da="Resumé.",
        country="DK",
    )
    section.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_a_page_is_served_by_its_slug_in_each_language(client, sections):
    section = sections["methods"]["DK"]
    methods = [add_method(section, number) for number in range(3)]

    # A request activates its language for the thread: keep the next tests' language.
    with translation.override("da"):
        for url, method, title in [
            ("/da/metoder/danmark/metode-1/", methods[1], "Metode 1"),
            ("/sv/metoder/danmark/metod-1/", methods[1], "Metod 1"),
            ("/en/methods/denmark/method-2/", methods[2], "Method 2"),
        ]:
            response = client.get(url)
            assert response.status_code == 200, url
            assert response.context["page"].pk == method.pk, url  # not a sibling
            assert f">{title}</h1>" in response.content.decode(), url
        assert client.get("/en/methods/denmark/method-9/").status_code == 404


def test_routing_asks_the_database_for_the_requested_child_only(rf, sections):
    section = sections["methods"]["DK"]
    for number in range(3):
        add_method(section, number)

    with translation.override("da"), CaptureQueriesContext(connection) as queries:
        result = section.route(rf.get("/"), ["metode-2"])

    assert result.page.title_en == "Method 2"
    # The siblings are not loaded: the slug is part of the query.
    assert any("'metode-2'" in query["sql"] for query in queries)


def test_a_path_served_again_fetches_its_pages_by_id(client, sections):
    add_method(sections["methods"]["DK"], 1)
    url = "/da/metoder/danmark/metode-1/"
    with translation.override("da"):
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
    assert response.status_code == 200 and "Metode 1" in response.content.decode()
    assert not any("'metode-1'" in query["sql"] for query in queries)


def test_a_renamed_page_is_found_at_its_new_path_only(client, sections):
    page = add_method(sections["methods"]["DK"], 1)
    with translation.override("da"):
        assert client.get("/da/metoder/danmark/metode-1/").status_code == 200
        page.slug_da = "ny-metode"
        page.save_revision().publish()
        assert client.get("/da/metoder/danmark/metode-1/").status_code == 404
        assert client.get("/da/metoder/danmark/ny-metode/").status_code == 200


def test_an_unpublished_page_is_not_served_from_a_remembered_path(client, sections):
    page = add_method(sections["methods"]["DK"], 1)
    with translation.override("da"):
        assert client.get("/da/metoder/danmark/metode-1/").status_code == 200
        page.unpublish()
        assert client.get("/da/metoder/danmark/metode-1/").status_code == 404
