"""Issue 17 in the open data: the rating, the implementation block, the implementation sites and
other registries' ratings, in the API v2 and the exports, under a licence, for public pages only.
"""

import csv
import io
import json

import pytest
from django.urls import reverse

from knowledge.models import EvidenceLevel, ProgrammePage, Study
from knowledge.open_data import files
from knowledge.open_data.licence import LICENCE_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("export_root")]

LICENCE_LINK = f'<{LICENCE_URL}>; rel="license"'
#: The site's contact of the fixture's implementation site: a person, shown on the page only.
PERSON = "Anna Andersson"


def served(client, name):
    """An export file as the site serves it, after the worker has written them all."""
    files.write_exports()
    response = client.get(reverse(f"open-data-export-{name}"))
    assert response.status_code == 200
    assert response["Link"] == LICENCE_LINK
    return b"".join(response.streaming_content).decode()


def csv_rows(client, name):
    return list(csv.DictReader(io.StringIO(served(client, name), newline="")))


def test_the_api_carries_the_rating_as_the_page_shows_it(client, open_data_pages):
    response = client.get(f"/api/v2/pages/{open_data_pages.programme.pk}/")
    assert response["Link"] == LICENCE_LINK
    item = response.json()
    assert item["meta"]["data_licence"]["url"] == LICENCE_URL
    rating = item["rating"]
    assert (rating["best_design"], rating["robust_studies"], rating["places"]) == (3, 1, 2)
    assert (rating["rated_by"], rating["reviewed_by"]) == ("editor", "evidence_reviewer")
    assert rating["emmie"]["effect"] == {
        "strength": "moderate",
        "text_da": "",
        "text_sv": "Färre inbrott i två av tre kommuner.",
        "text_en": "",
    }
    assert rating["emmie"]["economic"]["strength"] == ""
    assert [(entry["code"], entry["reviewed_by"]) for entry in rating["history"]] == [
        ("promising", "evidence_reviewer"),
        ("theory_based", "evidence_reviewer"),
    ]
    assert rating["reviewed_at"] == rating["history"][0]["reviewed_at"]
    first, second = item["studies"]
    assert (first["sms_level"], first["place"], first["direction"]) == (2, "Linköping", "intended")
    assert (first["outcome_sv"], first["effect_size_sv"]) == ("Anmälda inbrott", "18 % färre")
    assert (second["outcome_da"], second["direction"]) == ("Utryghed", "mixed")


def test_the_api_carries_the_implementation_block_sites_and_external_ratings(
    client, open_data_pages
):
    item = client.get(f"/api/v2/pages/{open_data_pages.programme.pk}/").json()
    cost = [item[f"cost_{part}"] for part in ("band", "unit", "amount", "currency", "year")]
    assert cost == ["medium", "site", 250000, "SEK", 2024]
    assert (item["staffing_sv"], item["licence_sv"], item["training_sv"]) == (
        "En samordnare på halvtid per kommun.",
        "Fri att använda.",
        "",
    )
    assert item["readiness"] == "with_support"
    (site,) = item["implementation_sites"]
    assert site["area"]["slug"] == "ostergotland"
    assert (site["start_year"], site["end_year"], site["organisation"]) == (2022, None, None)
    assert site["organisation_name"] == "Linköpings kommun"
    assert site["learnt_sv"] == "Skolorna måste vara med från början."
    listed, unlisted = item["external_ratings"]
    assert (listed["registry"], listed["registry_slug"], listed["label"]) == (
        "CrimeSolutions",
        "crimesolutions",
        "Promising",
    )
    assert (listed["rated_on"], listed["mapped_level"]["code"]) == ("2025-05-01", "promising")
    assert listed["mapped_level"]["label_sv"] == "Lovande"
    assert (unlisted["registry"], unlisted["label"], unlisted["mapped_level"]) == (
        "Länsregistret",
        "Lovande",
        None,
    )


def test_the_new_fields_filter_the_api_listing(client, open_data_pages):
    url = "/api/v2/pages/?type=knowledge.ProgrammePage&readiness=with_support&fields=rating"
    data = client.get(url).json()
    assert [item["id"] for item in data["items"]] == [open_data_pages.programme.pk]
    assert data["meta"]["data_licence"]["id"] == "CC-BY-4.0"
    bad_year = client.get("/api/v2/pages/?type=knowledge.ProgrammePage&cost_year=soon")
    assert bad_year.status_code == 400


def test_an_unrated_page_has_no_rating_dates_and_no_history(client, open_data_pages):
    item = client.get(f"/api/v2/pages/{open_data_pages.method.pk}/").json()
    rating = item["rating"]
    assert (rating["rated_at"], rating["reviewed_by"], rating["history"]) == (None, None, [])
    assert (rating["best_design"], rating["robust_studies"], rating["places"]) == (None, 0, 0)
    assert item["implementation_sites"] == [] and item["cost_amount"] is None


def test_the_json_export_carries_the_licence_and_the_registry_mapping(client, open_data_pages):
    export = json.loads(served(client, "json"))
    assert export["data_licence"]["url"] == LICENCE_URL
    assert export["data_licence"]["attribution"].startswith("Bro, http")
    registries = {registry["slug"]: registry for registry in export["taxonomy"]["registries"]}
    promising = next(
        label for label in registries["crimesolutions"]["labels"] if label["label"] == "Promising"
    )
    assert promising["mapped_level"]["level"] == 4
    assert promising["reasoning_en"]


def test_the_csv_row_summarises_the_rating_and_the_cost(client, open_data_pages):
    rows = {int(row["id"]): row for row in csv_rows(client, "csv")}
    row = rows[open_data_pages.programme.pk]
    summary = [row[f"rating_{name}"] for name in ("best_design", "robust_studies", "places")]
    assert summary == ["3", "1", "2"]
    assert (row["rating_rated_by"], row["rating_reviewed_by"]) == ("editor", "evidence_reviewer")
    assert (row["emmie_effect_strength"], row["emmie_mechanism_strength"]) == (
        "moderate",
        "limited",
    )
    assert (row["studies"], row["external_ratings"], row["implementation_sites"]) == ("2", "2", "1")
    assert row["implementation_site_areas"] == "ostergotland"
    assert (row["cost_band"], row["cost_amount"], row["cost_currency"], row["readiness"]) == (
        "medium",
        "250000",
        "SEK",
        "with_support",
    )
    method = rows[open_data_pages.method.pk]
    assert (method["rating_rated_at"], method["studies"], method["cost_band"]) == ("", "0", "")


def test_each_child_table_has_a_row_per_item_joined_by_page_id(client, open_data_pages):
    pk = str(open_data_pages.programme.pk)
    studies = csv_rows(client, "studies")
    assert [(r["page_id"], r["sms_level"], r["place"], r["direction"]) for r in studies] == [
        (pk, "2", "Linköping", "intended"),
        (pk, "3", "Norrköping", "mixed"),
    ]
    assert studies[0]["effect_size_sv"] == "18 % färre"
    (site,) = csv_rows(client, "sites")
    assert (site["page_id"], site["area"], site["area_name_da"]) == (
        pk,
        "ostergotland",
        "Østergötland",
    )
    assert site["learnt_sv"] == "Skolorna måste vara med från början."
    ratings = csv_rows(client, "external-ratings")
    assert [(r["page_id"], r["registry"], r["mapped_level"]) for r in ratings] == [
        (pk, "CrimeSolutions", "4"),
        (pk, "Länsregistret", ""),
    ]
    history = csv_rows(client, "rating-history")
    assert [(r["page_id"], r["code"], r["reviewed_by"]) for r in history] == [
        (pk, "promising", "evidence_reviewer"),
        (pk, "theory_based", "evidence_reviewer"),
    ]


def test_a_restricted_or_unpublished_page_leaves_no_row_in_any_table(client, open_data_pages):
    for pk in open_data_pages.hidden:
        page = ProgrammePage.objects.filter(pk=pk).first()
        if page is None:
            continue  # the draft method
        page.studies = [Study(citation="Hemlig studie", design="rct", sms_level=5, place="X")]
        if page.live:  # the password-protected programme goes live with its rating
            page.save_revision().publish()
        else:
            page.save_revision()
    hidden = {str(pk) for pk in open_data_pages.hidden}
    for name in ("studies", "sites", "external-ratings", "rating-history"):
        rows = csv_rows(client, name)
        assert rows, name
        assert not {row["page_id"] for row in rows} & hidden, name
    assert "Hemlig studie" not in served(client, "json")


def test_a_sites_contact_stays_on_the_page_and_out_of_the_data(client, open_data_pages):
    page_html = client.get(open_data_pages.programme.get_url()).content.decode()
    assert PERSON in page_html, "the page shows the contact"
    api = client.get(f"/api/v2/pages/{open_data_pages.programme.pk}/").content.decode()
    assert PERSON not in api and "anna-andersson" not in api
    for name in files.EXPORTS:
        text = served(client, name)
        assert PERSON not in text and "anna-andersson" not in text, name


def test_the_demo_content_gets_no_invented_rating(client, demo_content):
    """The seed documents evaluate nothing: no level that claims an effect, no study, no
    EMMIE strength, no other registry's rating, and no role in the history (the only entries are
    the seed's own level, put live by the loading script)."""
    export = json.loads(served(client, "json"))
    records = [*export["programmes"], *export["methods"]]
    assert records
    for record in records:
        level = record["evidence"]["level"]
        assert not EvidenceLevel.needs_study(level), record["id"]
        rating = record["rating"]
        roles = {(e["level"], e["rated_by"], e["reviewed_by"]) for e in rating["history"]}
        assert roles <= {(level, "", "")}, record["id"]
        assert {dimension["strength"] for dimension in rating["emmie"].values()} == {""}
        assert record["studies"] == [] and record["external_ratings"] == []
    for name in ("studies", "external-ratings"):
        assert csv_rows(client, name) == [], name
    history = csv_rows(client, "rating-history")
    assert {(row["rated_by"], row["reviewed_by"]) for row in history} <= {("", "")}
