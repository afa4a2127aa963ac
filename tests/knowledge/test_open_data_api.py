"""The API v2 at /api/v2/pages/: published programmes and methods, every language explicit."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import add_programmes

pytestmark = pytest.mark.django_db

PROGRAMMES = "/api/v2/pages/?type=knowledge.ProgrammePage"


def get_json(client, url, status=200, **headers):
    response = client.get(url, **headers)
    assert response.status_code == status, response.content
    return response.json()


def listed_ids(data):
    return {item["id"] for item in data["items"]}


def test_the_listing_holds_programmes_and_methods_only_and_never_hidden_pages(
    client, open_data_pages
):
    data = get_json(client, "/api/v2/pages/?limit=100")
    types = {item["meta"]["type"] for item in data["items"]}
    assert types == {"knowledge.ProgrammePage", "knowledge.MethodPage"}
    assert {open_data_pages.programme.pk, open_data_pages.method.pk} <= listed_ids(data)
    assert not listed_ids(data) & open_data_pages.hidden
    assert data["meta"]["total_count"] == len(data["items"]) == 3


def test_a_programme_listing_gives_every_language_explicitly(client, open_data_pages):
    fields = "title_da,title_sv,title_en,summary_sv,summary_en,url_sv,themes,evidence"
    data = get_json(client, f"{PROGRAMMES}&fields={fields}")
    assert listed_ids(data) == {open_data_pages.programme.pk, open_data_pages.other_programme.pk}
    item = next(i for i in data["items"] if i["id"] == open_data_pages.programme.pk)
    assert (item["title_da"], item["title_sv"], item["title_en"]) == (
        "Tryghed i Östergötland",
        "Trygghet i Östergötland",
        "",
    )
    assert item["summary_sv"] == "Länets kommuner förebygger inbrott tillsammans."
    assert item["url_sv"] == "http://localhost/sv/program/sverige/trygghet-i-ostergotland/"
    assert item["themes"] == [
        {
            "id": open_data_pages.theme.pk,
            "slug": "burglary",
            "name_da": "Indbrud",
            "name_sv": "Inbrott",
            "name_en": "Burglary",
        }
    ]
    assert item["evidence"] == {
        "level": 4,
        "code": "promising",
        "label_da": "Lovende",
        "label_sv": "Lovande",
        "label_en": "Promising",
    }


def test_a_programme_detail_has_partners_goals_studies_sources_and_only_published_methods(
    client, open_data_pages
):
    item = get_json(client, f"/api/v2/pages/{open_data_pages.programme.pk}/")
    assert item["meta"]["type"] == "knowledge.ProgrammePage"
    assert item["partners"] == [
        {
            "organisation": {
                "id": open_data_pages.organisation.pk,
                "slug": "mvjp",
                "name_da": "Midt- og Vestjyllands Politi",
                "name_sv": "Midt- og Vestjyllands polis",
                "name_en": "Central and West Jutland Police",
                "kind": "police",
                "country": "DK",
                "website": "",
            },
            "role": "lead",
            "role_label_da": "Ansvarlig",
            "role_label_sv": "Huvudansvarig",
            "role_label_en": "Lead",
        }
    ]
    assert item["goals"][0]["text_sv"] == "Färre inbrott"
    assert item["goals"][0]["indicator_sv"] == "Anmälda inbrott"
    assert item["studies"][0]["finding_sv"] == "Färre anmälda inbrott efter två år."
    assert item["sources"][0]["slug"] == "declaration"
    assert item["sources"][0]["passage"] == "Samverkan mot brott i hela länet."
    assert [m["id"] for m in item["methods"]] == [open_data_pages.method.pk]
    assert (item["start_year"], item["end_year"], item["funding_amount"]) == (2022, 2027, 1500000)


def test_a_method_detail_lists_its_published_programmes(client, open_data_pages):
    item = get_json(client, f"/api/v2/pages/{open_data_pages.method.pk}/")
    assert item["meta"]["type"] == "knowledge.MethodPage"
    assert item["what_it_is_sv"] == "Ett nätverk av grannar."
    assert item["programmes"] == [
        {
            "id": open_data_pages.programme.pk,
            "title_da": "Tryghed i Östergötland",
            "title_sv": "Trygghet i Östergötland",
            "title_en": "",
        }
    ]


def test_wagtails_own_title_does_not_depend_on_the_clients_language(client, open_data_pages):
    url = f"/api/v2/pages/{open_data_pages.programme.pk}/"
    swedish_client = get_json(client, url, HTTP_ACCEPT_LANGUAGE="sv")
    assert swedish_client["title"] == swedish_client["title_da"] == "Tryghed i Östergötland"
    assert swedish_client["meta"]["html_url"] == swedish_client["url_da"]


def test_hidden_and_other_pages_have_no_detail(client, open_data_pages, home_page):
    for pk in [*open_data_pages.hidden, home_page.pk, open_data_pages.programme.get_parent().pk]:
        get_json(client, f"/api/v2/pages/{pk}/", status=404)


def test_field_filters_narrow_the_listing(client, open_data_pages):
    swedish = get_json(client, f"{PROGRAMMES}&country=SE")
    assert listed_ids(swedish) == {open_data_pages.programme.pk}
    about_burglary = get_json(client, f"{PROGRAMMES}&themes={open_data_pages.theme.pk}")
    assert listed_ids(about_burglary) == {open_data_pages.programme.pk}
    methods = get_json(client, "/api/v2/pages/?type=knowledge.MethodPage")
    assert listed_ids(methods) == {open_data_pages.method.pk}


@pytest.mark.parametrize(
    "query",
    [
        "type=home.HomePage",
        "type=knowledge.ProgrammePage,home.HomePage",
        "type=knowledge.NoSuchPage",
        "type=knowledge.ProgrammePage&fields=no_such_field",
        "type=knowledge.ProgrammePage&order=no_such_field",
        "type=knowledge.ProgrammePage&themes=burglary",
        "type=knowledge.ProgrammePage&last_reviewed=yesterday",
        "type=knowledge.ProgrammePage&start_year=soon",
        "limit=many",
        "limit=100000",
        "offset=-1",
        "search=inbrott",
        "no_such_parameter=1",
    ],
)
def test_bad_parameters_get_a_400_with_a_message(client, home_page, query):
    data = get_json(client, f"/api/v2/pages/?{query}", status=400)
    assert data["message"]


def test_a_listing_costs_the_same_queries_for_more_pages(client, open_data_pages, sections):
    url = f"{PROGRAMMES}&fields=*&limit=100"

    def queries():
        with CaptureQueriesContext(connection) as captured:
            data = get_json(client, url)
        return len(captured), len(data["items"])

    few = queries()
    add_programmes(sections["programmes"]["DK"], 3, themes=[open_data_pages.theme])
    more = queries()
    assert more[1] == few[1] + 3
    assert more[0] == few[0]


def test_a_listing_stays_within_a_fixed_number_of_queries(
    client, open_data_pages, django_assert_max_num_queries
):
    with django_assert_max_num_queries(30):
        get_json(client, f"{PROGRAMMES}&fields=*")
