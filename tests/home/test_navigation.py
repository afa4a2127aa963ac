"""The header lists the comparison and overview views only once their URLs exist."""

import pytest
from django.urls import clear_url_caches


@pytest.fixture
def with_compare_view(settings):
    settings.ROOT_URLCONF = "tests.home.urls_with_compare"
    clear_url_caches()
    yield
    clear_url_caches()


def nav(html):
    start = html.index('class="main-nav"')
    return html[start : html.index("</nav>", start)]


def test_views_that_do_not_exist_are_left_out(client, home_page):
    assert "compare" not in nav(client.get("/en/").content.decode())


def test_a_view_that_exists_is_listed(client, home_page, with_compare_view):
    html = client.get("/sv/").content.decode()
    assert '<a href="/sv/compare/">Jämför</a>' in nav(html)
