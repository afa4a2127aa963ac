"""A reader adds three programmes to the comparison, sees them side by side, and exports them.

On a programme page (English interface) a button whose accessible name starts with "Add to
comparison"; the menu's "Compare" shows the chosen programmes as the columns of a table; links
named with "CSV" and "Excel" download the export.
"""

import re

import pytest
from django.utils import translation
from playwright.sync_api import expect

from .site_pages import COMPARED_PROGRAMMES, programme

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

ADD = re.compile(r"^Add to comparison")


def test_add_three_programmes_compare_and_export(page, demo_site, tmp_path):
    assert page.goto("/en/compare/").status == 200
    for title in COMPARED_PROGRAMMES:
        with translation.override("en"):
            page.goto(programme(title).get_url())
        add = page.get_by_role("button", name=ADD).or_(page.get_by_role("link", name=ADD))
        add.first.click()
        page.wait_for_load_state()

    page.get_by_role("navigation", name="Main").get_by_role("link", name="Compare").click()
    table = page.get_by_role("table")
    headers = table.get_by_role("columnheader")
    for title in COMPARED_PROGRAMMES:
        expect(headers.filter(has_text=title)).to_have_count(1)

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("CSV")).click()
    csv_file = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(csv_file)
    assert csv_file.suffix == ".csv"
    exported = csv_file.read_text(encoding="utf-8-sig")
    for title in COMPARED_PROGRAMMES:
        assert title in exported

    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Excel")).click()
    workbook = tmp_path / download_info.value.suggested_filename
    download_info.value.save_as(workbook)
    assert workbook.suffix == ".xlsx"
    assert workbook.read_bytes()[:2] == b"PK", "an .xlsx file is a zip archive"
