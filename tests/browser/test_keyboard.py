"""Search and compare with the keyboard alone; wherever focus goes, it can be seen."""

import re

import pytest
from playwright.sync_api import expect

from .interface import focused_element_summary, tab_until

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_keyboard_only_search(page, demo_site):
    page.goto("/en/search/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to content")
    expect(skip_link).to_be_focused()
    assert focused_element_summary(page)["visible"]

    page.keyboard.press("Enter")
    expect(page.get_by_role("main")).to_be_focused()

    search_field = page.get_by_role("main").get_by_role("combobox")
    tab_until(page, search_field)
    page.keyboard.type("burglary")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/en/search/\?q=burglary"))

    results = page.get_by_role("region", name=re.compile(r"^\d+ results?$"))
    first_result = results.get_by_role("link").first
    expect(first_result).to_have_text("Bo Trygt")
    tab_until(page, first_result)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Bo Trygt")


def test_keyboard_only_through_the_comparison_table(page, demo_site):
    page.goto(demo_site.paths["en"]["compare"])
    table = page.get_by_role("table")
    expect(table).to_be_visible()
    controls = table.locator("a[href], button, input, select, textarea, [tabindex='0']")
    assert controls.count() > 0, "the comparison table has no controls to reach"
    for index in range(controls.count()):
        tab_until(page, controls.nth(index))
