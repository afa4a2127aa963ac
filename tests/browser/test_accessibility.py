"""Every kind of public page, in Danish, Swedish and English, passes axe-core's WCAG 2.1 A/AA rules.

"Passes" means no serious or critical violation (see tests/browser/axe.py).
"""

import re

import pytest
from playwright.sync_api import expect

from . import axe as axe_core
from .site_pages import LANGUAGES

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


PAGE_KINDS = [
    "home",
    "programme-index",
    "country-section",
    "programme",
    "method-index",
    "method",
    "search",
    "search-no-results",
    "not-found",
    "compare",
    "overview",
]
ERROR_PAGES = {"not-found": 404}


@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_page_has_no_serious_accessibility_violations(page, demo_site, axe, kind, language):
    response = page.goto(demo_site.paths[language][kind])
    assert response.status == ERROR_PAGES.get(kind, 200)
    # The site's own layout, in the reader's language (not a bare framework page).
    assert page.locator("html").get_attribute("lang") == language
    expect(page.get_by_role("main")).to_have_count(1)
    axe(page)


def test_the_checked_search_page_has_results_and_facets(page, demo_site):
    """The search page checked above really shows results and facets for axe to look at."""
    page.goto(demo_site.paths["en"]["search"])
    expect(page.get_by_role("heading", name=re.compile(r"^\d+ results$"))).to_be_visible()
    expect(page.get_by_role("heading", name="Narrow down")).to_be_visible()


def test_axe_reports_a_serious_violation(page):
    """The check above can fail: a form field without a label is a critical violation."""
    page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
    found = axe_core.blocking(axe_core.violations(page))
    assert [violation["id"] for violation in found] == ["label"]
    assert "label (critical)" in axe_core.describe(found, "about:blank")
