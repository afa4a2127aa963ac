"""Issue 5, done when: a coordinator compares Bo Trygt, "En barndom uden vold i familien" and
"Östergötland tillsammans mot brott" from the demo content in Danish, Swedish and English, and
exports the table.

The demo content is loaded once for the module (tests/conftest.py).
"""

import pytest

from knowledge.models import ProgrammePage

from .compare_readers import read_csv, read_table, read_xlsx

pytestmark = pytest.mark.django_db

LANGUAGES = ["da", "sv", "en"]
TITLES_DA = ["Bo Trygt", "En barndom uden vold i familien", "Östergötland tillsammans mot brott"]

#: What the coordinator reads in each language: the page title, row labels, and some cells.
EXPECTED = {
    "da": {
        "title": "Sammenlign programmer og metoder",
        "labels": ["Land og områder", "Ansvarlig organisation og partnere", "Mål", "Kilder"],
        "countries": ["Danmark", "Danmark", "Sverige"],
        "filename": "bro-sammenligning-",
    },
    "sv": {
        "title": "Jämför program och metoder",
        "labels": ["Land och områden", "Huvudansvarig organisation och samverkansparter", "Mål"],
        "countries": ["Danmark", "Danmark", "Sverige"],
        "filename": "bro-jamforelse-",
    },
    "en": {
        "title": "Compare programmes and methods",
        "labels": ["Country and areas", "Lead organisation and partners", "Goals", "Sources"],
        "countries": ["Denmark", "Denmark", "Sweden"],
        "filename": "bro-comparison-",
    },
}


@pytest.fixture(scope="module")
def demo_programmes(demo_content_of_the_module):
    return [ProgrammePage.objects.get(title_da=title) for title in TITLES_DA]


@pytest.mark.parametrize("language", ["da", "sv", "en"])
def test_a_coordinator_compares_three_programmes_and_exports_them(
    client, demo_programmes, language
):
    expected = EXPECTED[language]
    ids = ",".join(str(page.pk) for page in demo_programmes)
    titles = [getattr(page, f"title_{language}") for page in demo_programmes]

    response = client.get(f"/{language}/compare/?ids={ids}")
    assert response.status_code == 200
    html = response.content.decode()
    assert expected["title"] in html
    header, rows = read_table(html)
    assert len(header) == 4
    for cell, title in zip(header[1:], titles, strict=True):
        assert title in cell
    for label in expected["labels"]:
        assert label in rows, label
    countries = [cell.split("\n")[0] for cell in rows[expected["labels"][0]]["cells"]]
    assert countries == expected["countries"]
    assert rows[expected["labels"][0]]["differs"]
    goal_cells = rows[expected["labels"][2]]["cells"]
    for cell, page in zip(goal_cells, demo_programmes, strict=True):
        # An empty cell reads "no information", so the cell must hold one of the page's goals.
        goals = {getattr(goal, f"text_{lang}") for goal in page.goals.all() for lang in LANGUAGES}
        assert any(goal and goal in cell for goal in goals), (page.title_da, cell)

    csv_response = client.get(f"/{language}/compare/export/csv/?ids={ids}")
    assert csv_response.status_code == 200
    assert expected["filename"] in csv_response["Content-Disposition"]
    csv_rows = read_csv(csv_response)
    assert csv_rows[0][1:] == titles
    assert [row[0] for row in csv_rows[1:]] == list(rows)

    xlsx_response = client.get(f"/{language}/compare/export/xlsx/?ids={ids}")
    assert xlsx_response.status_code == 200
    _sheet, xlsx_rows = read_xlsx(xlsx_response)
    assert xlsx_rows == csv_rows
