"""A Danish reader finds a Swedish programme with Danish words, filters, reads it in Swedish."""

import re

import pytest
from playwright.sync_api import expect

from .interface import translated
from .site_pages import PROGRAMME

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

#: Danish words; the programme is Swedish ("tillsammans mot brott") and found through the thesaurus.
DANISH_QUERY = "samarbejde mod kriminalitet"


def facet(page, heading):
    """The facet under `heading`: one value (Sweden) can be both a country and an area."""
    return page.get_by_role("region", name=heading, exact=True)


def results_region(page):
    return page.get_by_role("region", name=re.compile(r"^\d+ (resultat|result)"))


def test_danish_search_finds_a_swedish_programme_and_switches_language(page, demo_site):
    def da(text):
        return translated("da", text)

    page.goto("/da/search/")
    field = page.get_by_label(da("Search in Danish, Swedish or English"))
    field.fill(DANISH_QUERY)
    field.press("Enter")
    expect(page).to_have_url(re.compile(r"/da/search/\?q=samarbejde"))
    swedish_programme = page.get_by_role("link", name=PROGRAMME, exact=True)
    expect(swedish_programme).to_be_visible()
    all_results = results_region(page).get_by_role("listitem").count()

    # Narrow down to Sweden: fewer results, all Swedish, the programme still among them.
    sweden = da("Sweden")
    country = facet(page, da("Country"))
    country.get_by_role("link", name=re.compile(rf"^{sweden} \(\d+\)$")).click()
    expect(page).to_have_url(re.compile(r"country=SE"))
    expect(swedish_programme).to_be_visible()
    listed = results_region(page).get_by_role("listitem")
    assert 0 < listed.count() < all_results
    for text in listed.all_inner_texts():
        assert sweden in text and da("Denmark") not in text, text

    # Remove the filter again: every result is back.
    page.get_by_role("link", name=re.compile(rf"^{sweden} – {da('remove filter')}")).click()
    expect(page).not_to_have_url(re.compile(r"country="))
    expect(results_region(page).get_by_role("listitem")).to_have_count(all_results)

    swedish_programme.click()
    expect(page).to_have_url(re.compile(re.escape(demo_site.paths["da"]["programme"]) + "$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(PROGRAMME)

    page.get_by_role("navigation", name=da("Language"), exact=True).get_by_role(
        "link", name="Svenska"
    ).click()
    expect(page).to_have_url(re.compile(re.escape(demo_site.paths["sv"]["programme"]) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    expect(page.get_by_role("heading", level=1)).to_have_text(PROGRAMME)
