"""Serving a page by its slug in each language, without loading its siblings."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

from base.languages import LANGUAGES
from base.slug_indexes import index_name
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


def test_a_programme_path_is_routed_in_a_bounded_number_of_queries(rf, sections):
    section = sections["methods"]["DK"]
    for number in range(30):
        add_method(section, number)
    root = section.get_site().root_page.specific

    with translation.override("da"), CaptureQueriesContext(connection) as queries:
        result = root.route(rf.get("/"), ["metoder", "danmark", "metode-29"])

    assert result.page.title_da == "Metode 29"
    # The path's pages in one query, then the specific page: none per sibling, none per level.
    assert len(queries) <= 3, [query["sql"] for query in queries]


def test_every_translated_slug_column_has_an_index_with_the_depth():
    with connection.cursor() as cursor:
        indexes = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    for language in LANGUAGES:
        assert indexes[index_name(language)]["columns"] == [f"slug_{language}", "depth"]


def add_copies(page, count):
    """`count` siblings of `page` written by SQL (page rows only), slugs `copy-N`: a country
    section's size, at which the planner weighs a whole section against the slug indexes."""
    replaced = {
        "path": f"'{page.path[: -Page.steplen]}' || lpad(n::text, {Page.steplen}, '0')",
        "translation_key": "gen_random_uuid()",
        **dict.fromkeys(("slug", *(f"slug_{lang}" for lang in LANGUAGES)), "'copy-' || n"),
    }
    columns = [field.column for field in Page._meta.concrete_fields if field.column != "id"]
    values = [replaced.get(column, f'"{column}"') for column in columns]
    names = ", ".join(f'"{column}"' for column in columns)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO wagtailcore_page ({names}) "
            f"SELECT {', '.join(values)} FROM wagtailcore_page, generate_series(2, %s + 1) AS n "
            "WHERE id = %s",
            [count, page.pk],
        )
        cursor.execute("ANALYZE wagtailcore_page")


def test_postgresql_routes_a_path_through_the_slug_indexes(rf, sections):
    section = sections["methods"]["DK"]
    add_copies(add_method(section, 1), 9_000)
    with translation.override("da"), CaptureQueriesContext(connection) as queries:
        assert section.route(rf.get("/"), ["metode-1"]).page.slug_da == "metode-1"
    by_slug = next(query["sql"] for query in queries if "'metode-1'" in query["sql"])
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN {by_slug}")
        plan = "\n".join(row[0] for row in cursor.fetchall())
    assert all(index_name(language) in plan for language in LANGUAGES), plan


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
