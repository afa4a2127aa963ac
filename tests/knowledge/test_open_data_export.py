"""The bulk exports: the JSON against its committed schema, the CSV read back, the round trip."""

import copy
import csv
import io
import json
from urllib.parse import urlsplit

import jsonschema
import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from knowledge.models import MethodPage, ProgrammePage, Theme
from knowledge.open_data import files
from knowledge.open_data.export import CSV_COLUMNS, SCHEMA_PATH
from tests.factories import add_page, add_programmes, programme

JSON_URL = reverse("open-data-export-json")
CSV_URL = reverse("open-data-export-csv")


pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("export_root")]


def download(client, url, content_type):
    """The export as served after the worker has written it from the pages there are now."""
    files.write_exports()
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    return b"".join(response.streaming_content).decode()


def json_export(client):
    return json.loads(download(client, JSON_URL, "application/json"))


def csv_rows(text):
    return list(csv.DictReader(io.StringIO(text, newline="")))


def records(export):
    return [*export["programmes"], *export["methods"]]


def schema_errors(document):
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )
    return [
        f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(document)
    ]


def test_every_exported_page_resolves_in_the_api_and_on_the_site(client, demo_content):
    export = json_export(client)
    published = [*ProgrammePage.objects.live(), *MethodPage.objects.live()]
    assert sorted(record["id"] for record in records(export)) == sorted(p.pk for p in published)
    for record in records(export):
        detail = client.get(f"/api/v2/pages/{record['id']}/")
        assert detail.status_code == 200, record["id"]
        assert detail.json()["title_sv"] == record["title_sv"]
        for lang in ("da", "sv", "en"):
            path = urlsplit(record[f"url_{lang}"]).path
            assert path.startswith(f"/{lang}/")
            assert client.get(path).status_code == 200, path


@pytest.mark.parametrize(
    ("content", "parts"),
    [
        ("demo_content", ["description_da", "partners", "goals", "areas", "methods", "sources"]),
        (
            "open_data_pages",
            [
                *["studies", "partners", "goals", "methods", "sources"],
                *["external_ratings", "implementation_sites", "cost_amount", "staffing_sv"],
            ],
        ),
    ],
)
def test_the_json_export_validates_against_the_committed_schema(client, request, content, parts):
    request.getfixturevalue(content)
    export = json_export(client)
    for part in parts:  # the content exercises these parts of the schema
        assert any(record[part] for record in export["programmes"]), part
    assert schema_errors(export) == []


DRIFTS = {
    "a language missing": lambda record: record.pop("title_sv"),
    "an undocumented field": lambda record: record.update(title_fi="Turvallisuus"),
    "a level that is not a number": lambda record: record["evidence"].update(level="promising"),
    "an unknown role": lambda record: record["partners"][0].update(role="sponsor"),
    "a reviewer's name": lambda record: record["rating"].update(reviewed_by="Anna Andersson"),
    "a site's contact": lambda record: record["implementation_sites"][0].update(contact_sv="Anna"),
    "a strength off the scale": lambda record: record["rating"]["emmie"]["effect"].update(
        strength="very strong"
    ),
    "a Maryland level of 6": lambda record: record["studies"][0].update(sms_level=6),
}


def test_the_schema_rejects_a_record_that_drifts(client, open_data_pages):
    export = json_export(client)
    for name, drift in DRIFTS.items():
        drifted = copy.deepcopy(export)
        record = next(r for r in drifted["programmes"] if r["id"] == open_data_pages.programme.pk)
        drift(record)
        assert schema_errors(drifted), name


def test_the_export_holds_the_pages_values_and_never_a_hidden_page(client, open_data_pages):
    export = json_export(client)
    ids = {record["id"] for record in records(export)}
    assert ids == {
        open_data_pages.programme.pk,
        open_data_pages.other_programme.pk,
        open_data_pages.method.pk,
    }
    linked = {page["id"] for record in records(export) for page in record.get("methods", [])}
    assert linked == {open_data_pages.method.pk}
    record = next(r for r in export["programmes"] if r["id"] == open_data_pages.programme.pk)
    assert record["title_sv"] == "Trygghet i Östergötland"
    assert record["partners"][0]["organisation"]["id"] == open_data_pages.organisation.pk
    assert record["sources"][0]["id"] == open_data_pages.source.pk
    assert export["taxonomy"]["themes"] == [
        {
            "id": open_data_pages.theme.pk,
            "slug": "burglary",
            "name_da": "Indbrud",
            "name_sv": "Inbrott",
            "name_en": "Burglary",
        }
    ]
    assert export["taxonomy"]["sources"][0]["slug"] == "declaration"


def test_the_csv_has_one_row_per_published_page_with_each_language_in_its_column(
    client, open_data_pages
):
    text = download(client, CSV_URL, "text/csv; charset=utf-8")
    assert text.splitlines()[0].split(",") == list(CSV_COLUMNS)
    rows = {int(row["id"]): row for row in csv_rows(text)}
    pages = open_data_pages
    assert set(rows) == {pages.programme.pk, pages.other_programme.pk, pages.method.pk}
    swedish = rows[pages.programme.pk]
    assert (swedish["title_da"], swedish["title_sv"], swedish["title_en"]) == (
        "Tryghed i Östergötland",
        "Trygghet i Östergötland",
        "",
    )
    assert swedish["summary_sv"] == pages.programme.summary_sv
    assert swedish["themes"] == "burglary"
    assert swedish["partners"] == "mvjp:lead"
    assert swedish["methods"] == str(pages.method.pk)
    assert (swedish["evidence_level"], swedish["evidence_label_sv"]) == ("4", "Lovande")
    assert (swedish["start_year"], swedish["end_year"], swedish["funding_amount"]) == (
        "2022",
        "2027",
        "1500000",
    )
    method = rows[pages.method.pk]
    assert (method["type"], method["status"], method["programmes"]) == (
        "method",
        "",
        str(pages.programme.pk),
    )


def test_several_values_and_awkward_text_survive_the_csv(client, sections, theme, organisation):
    summary = 'Kommunen siger: "Vi samarbejder, altid."\nAnden linje | med streg.'
    page = programme(title_da="Samarbejde, tryghed", slug_da="samarbejde", summary_da=summary)
    page = add_page(sections["programmes"]["DK"], page)
    other = Theme.objects.create(name_da="Narkotika", slug="drugs")
    page.themes.set([theme, other])
    page.save_revision().publish()
    (row,) = csv_rows(download(client, CSV_URL, "text/csv; charset=utf-8"))
    assert (row["title_da"], row["summary_da"]) == ("Samarbejde, tryghed", summary)
    assert row["themes"].split(" | ") == ["burglary", "drugs"]


def test_a_cell_that_a_spreadsheet_would_run_as_a_formula_is_kept_as_text(client, sections):
    page = programme(title_da="=1+1", slug_da="formel", summary_da="-2+3", title_sv="+46\tx")
    page = add_page(sections["programmes"]["DK"], page)
    (row,) = csv_rows(download(client, CSV_URL, "text/csv; charset=utf-8"))
    assert (row["title_da"], row["summary_da"], row["title_sv"]) == ("'=1+1", "'-2+3", "'+46\tx")
    assert row["id"] == str(page.pk), "numbers stay numbers"


def test_the_command_writes_the_same_exports_to_a_file(client, open_data_pages, tmp_path):
    json_file, csv_file = tmp_path / "bro.json", tmp_path / "bro.csv"
    call_command(
        "export_open_data", "--format", "json", "--output", json_file, stderr=io.StringIO()
    )
    call_command("export_open_data", "--format", "csv", "--output", csv_file, stderr=io.StringIO())
    from_file = json.loads(json_file.read_text(encoding="utf-8"))
    assert records(from_file) == records(json_export(client))
    assert schema_errors(from_file) == []
    served = download(client, CSV_URL, "text/csv; charset=utf-8")
    assert csv_file.read_bytes().decode() == served
    stdout = io.StringIO()
    call_command("export_open_data", "--format", "json", stdout=stdout)
    assert records(json.loads(stdout.getvalue())) == records(from_file)


def test_the_command_refuses_an_unknown_format(db):
    with pytest.raises(CommandError, match="invalid choice"):
        call_command("export_open_data", "--format", "xml")


def test_the_exports_cost_the_same_queries_for_more_pages(client, open_data_pages, sections):
    def queries(url, content_type):
        with CaptureQueriesContext(connection) as captured:
            download(client, url, content_type)
        return len(captured)

    queries(JSON_URL, "application/json")  # fills the site-root cache that page URLs read
    few = queries(JSON_URL, "application/json"), queries(CSV_URL, "text/csv; charset=utf-8")
    add_programmes(sections["programmes"]["DK"], 3, methods=[open_data_pages.method])
    more = queries(JSON_URL, "application/json"), queries(CSV_URL, "text/csv; charset=utf-8")
    assert more == few
    assert len(json_export(client)["programmes"]) == 5


def test_the_schema_is_served_and_the_exports_only_answer_get(client, db):
    response = client.get("/api/open-data/export.schema.json")
    assert response["Content-Type"] == "application/schema+json"
    served = json.loads(b"".join(response.streaming_content))
    assert served == json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert client.post(JSON_URL).status_code == 405
