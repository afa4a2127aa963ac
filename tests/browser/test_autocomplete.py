"""The search field's suggestions (static/js/autocomplete.js): shown as the reader types, chosen
with the arrow keys and opened with Enter, closed with Escape, and announced to screen readers."""

import re

import pytest
from playwright.sync_api import expect

from .interface import translated
from .site_pages import PROGRAMME

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def sv(text):
    return translated("sv", text)


def test_suggestions_appear_as_you_type_and_enter_opens_the_chosen_one(page, demo_site):
    page.goto("/sv/")
    field = page.get_by_role("combobox", name=sv("Search in Danish, Swedish or English"))
    field.fill("Östergötland tills")
    suggestions = page.get_by_role("listbox", name=sv("Suggestions"))
    expect(suggestions).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    expect(suggestions.get_by_role("option", name=re.compile(re.escape(PROGRAMME)))).to_be_visible()
    expect(field.locator("xpath=..").get_by_role("status")).to_contain_text(re.compile(r"^\d+ "))

    field.press("ArrowDown")
    chosen = suggestions.get_by_role("option", selected=True)
    expect(chosen).to_have_count(1)
    expect(field).to_have_attribute("aria-activedescendant", chosen.get_attribute("id"))
    url = chosen.get_attribute("data-url")
    field.press("Enter")
    expect(page).to_have_url(re.compile(re.escape(url) + "$"))


def test_escape_closes_the_suggestions_and_a_second_escape_clears_the_field(page, demo_site):
    page.goto("/sv/")
    field = page.get_by_role("combobox", name=sv("Search in Danish, Swedish or English"))
    field.fill("Östergötland")
    suggestions = page.get_by_role("listbox", name=sv("Suggestions"))
    expect(suggestions).to_be_visible()
    field.press("Escape")
    expect(suggestions).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    expect(field).to_have_value("Östergötland")
    field.press("Escape")
    expect(field).to_have_value("")
