"""The 404 and 500 pages speak the visitor's language, with DEBUG off as in production."""

import pytest
from django.urls import clear_url_caches

PAGES = {
    "da": ("Siden findes ikke", "Noget gik galt"),
    "sv": ("Sidan finns inte", "Något gick fel"),
    "en": ("Page not found", "Something went wrong"),
}


@pytest.fixture
def production(settings):
    settings.DEBUG = False
    settings.ROOT_URLCONF = "tests.config.errors_urls"
    clear_url_caches()
    yield
    clear_url_caches()


@pytest.mark.parametrize("language", PAGES)
def test_missing_page_is_a_translated_404_with_a_search_box(
    client, production, home_page, language
):
    response = client.get(f"/{language}/there-is-no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{PAGES[language][0]}</h1>" in html
    assert f'action="/{language}/search/"' in html
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.parametrize("language", PAGES)
def test_server_error_is_a_translated_500_without_database_queries(
    client, production, home_page, language, django_assert_num_queries
):
    client.raise_request_exception = False
    with django_assert_num_queries(0):
        response = client.get(f"/{language}/fail/")
    assert response.status_code == 500
    html = response.content.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{PAGES[language][1]}</h1>" in html
    assert f'href="/{language}/"' in html
