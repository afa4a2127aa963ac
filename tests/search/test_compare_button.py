"""Every search result offers "Add to comparison" (the comparison itself lives in knowledge)."""

import pytest

pytestmark = pytest.mark.elasticsearch


def test_each_search_result_has_an_add_to_comparison_button(
    client, home_page, cross_language_index
):
    response = client.get("/sv/search/", {"q": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count('<form class="compare-add" method="get" action="/sv/compare/"') == 3
    for page_id in (1, 2, 3):
        assert f'<input type="hidden" name="add" value="{page_id}">' in html
    assert "Lägg till i jämförelsen" in html
    assert '<span class="visually-hidden">: Stöd till familjer i Östergötland</span>' in html
