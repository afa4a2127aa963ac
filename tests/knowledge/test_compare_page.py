"""The comparison page: the aligned table, its marks and toggles, and the "add" button."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from knowledge.compare.selection import COOKIE_NAME
from knowledge.models import ProgrammePage

from .compare_readers import read_table

pytestmark = pytest.mark.django_db


def ids_of(*pages):
    return ",".join(str(page.pk) for page in pages)


def get_table(client, url):
    response = client.get(url)
    assert response.status_code == 200, response.content.decode()[:2000]
    return read_table(response.content.decode())


def test_one_column_per_item_with_aligned_rows_for_both_countries(client, compared_pages):
    danish, swedish = compared_pages["danish"], compared_pages["swedish"]
    header, rows = get_table(client, f"/en/compare/?ids={ids_of(danish, swedish)}")

    assert header[1].startswith("Programme Safe at home")
    assert header[2].startswith("Programme Östergötland together against crime")
    assert rows["Country and areas"]["cells"] == [
        "Denmark\nCentral Denmark Region",
        "Sweden\nÖstergötland County",
    ]
    assert rows["Period and status"]["cells"] == ["2018–2022\nEnded", "2022–2027\nActive"]
    assert rows["Lead organisation and partners"]["cells"] == [
        "Central and West Jutland Police (lead)\n"
        "Östergötland County Administrative Board (evaluator)",
        "Östergötland County Administrative Board (lead)",
    ]
    assert rows["Funders and amount"]["cells"][0] == "TrygFonden\n2,500,000 DKK"
    assert rows["Themes"]["cells"] == ["Burglary", "Burglary"]
    assert rows["Goals"]["cells"][0] == "Fewer burglaries.\nIndicator: Reported burglaries"
    assert rows["Methods used"]["cells"][0] == "Reinforcement teams"
    assert rows["Evidence level and studies"]["cells"][0] == (
        "Promising\nJensen 2021 (2021) – Before-and-after study"
    )
    assert rows["Sources"]["cells"][0] == (
        "Minutes of the district council meeting – Central and West Jutland Police, 2024"
    )
    assert rows["Last reviewed"]["cells"] == ["2026-11-22", "no information"]
    # Method-only rows are left out when only programmes are compared.
    assert "What it is" not in rows


def test_a_method_beside_a_programme_shows_what_does_not_apply(client, compared_pages):
    danish, method = compared_pages["danish"], compared_pages["method"]
    header, rows = get_table(client, f"/en/compare/?ids={ids_of(method, danish)}")

    assert header[1].startswith("Method Reinforcement teams")
    assert rows["Type"]["cells"] == ["Method", "Programme"]
    assert rows["Period and status"]["cells"][0] == "not applicable"
    assert rows["Goals"]["cells"][0] == "not applicable"
    assert rows["What it is"]["cells"] == ["A team that steps in within a day.", "not applicable"]
    assert rows["What it takes"]["cells"] == [
        "Two social workers on call.",
        "One officer a day and leaflets.",
    ]
    assert rows["Themes"]["cells"] == ["Burglary", "Burglary"]


def test_rows_that_differ_are_marked_in_words(client, compared_pages):
    danish, swedish = compared_pages["danish"], compared_pages["swedish"]
    response = client.get(f"/en/compare/?ids={ids_of(danish, swedish)}")
    _header, rows = read_table(response.content.decode())

    assert rows["Country and areas"]["differs"]
    assert rows["Country and areas"]["mark"] == "differs"
    assert not rows["Themes"]["differs"]
    assert rows["Themes"]["mark"] == ""
    assert "The items differ in" in response.content.decode()


def test_a_single_item_differs_from_nothing(client, compared_pages):
    _header, rows = get_table(client, f"/en/compare/?ids={compared_pages['danish'].pk}")
    assert not any(row["differs"] for row in rows.values())


def test_empty_rows_can_be_hidden_without_javascript(client, compared_pages):
    ids = ids_of(compared_pages["swedish"], compared_pages["method"])
    response = client.get(f"/en/compare/?ids={ids}")
    _header, rows = read_table(response.content.decode())
    assert rows["Last reviewed"]["cells"] == ["no information", "no information"]
    assert f'href="/en/compare/?ids={ids}&amp;hide_empty=1"' in response.content.decode()

    response = client.get(f"/en/compare/?ids={ids}&hide_empty=1")
    html = response.content.decode()
    _header, rows = read_table(html)
    assert "Last reviewed" not in rows
    assert "Themes" in rows
    assert "rows without information are hidden" in html
    assert f'href="/en/compare/?ids={ids}"' in html  # shows them again


def test_a_missing_translation_shows_the_original_with_a_language_tag(client, compared_pages):
    swedish = compared_pages["swedish"]
    html = client.get(f"/en/compare/?ids={swedish.pk}").content.decode()
    assert (
        '<span lang="sv">Länets gemensamma program för brottsförebyggande samverkan.</span> '
        '<span class="language-tag">(in Swedish)</span>'
    ) in html

    danish_reader = client.get(f"/da/compare/?ids={swedish.pk}").content.decode()
    assert "Amtets fælles program" in danish_reader
    assert 'class="language-tag"' not in danish_reader


def test_each_column_has_a_remove_link_to_the_others(client, compared_pages):
    danish, swedish, method = (compared_pages[k] for k in ("danish", "swedish", "method"))
    html = client.get(f"/en/compare/?ids={ids_of(danish, swedish, method)}").content.decode()
    assert f'href="/en/compare/?ids={ids_of(swedish, method)}"' in html
    assert f'href="/en/compare/?ids={ids_of(danish, method)}"' in html
    assert f'href="/en/compare/?ids={ids_of(danish, swedish)}"' in html
    assert 'Remove<span class="visually-hidden"> Safe at home</span>' in html


def test_an_empty_selection_explains_how_to_add_items(client, home_page):
    response = client.get("/en/compare/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "Nothing chosen yet" in html
    assert "Add to comparison" in html
    assert 'href="/en/search/"' in html
    assert 'class="compare-table"' not in html


def test_the_menu_link_shows_the_remembered_selection_until_it_is_emptied(client, compared_pages):
    danish, swedish = compared_pages["danish"], compared_pages["swedish"]
    client.cookies[COOKIE_NAME] = ids_of(danish, swedish)
    response = client.get("/en/compare/")
    assert response.status_code == 302
    assert response["Location"] == f"/en/compare/?ids={ids_of(danish, swedish)}"

    html = client.get(f"/en/compare/?ids={danish.pk}").content.decode()
    assert 'href="/en/compare/?ids="' in html, "removing the last item empties the comparison"
    emptied = client.get("/en/compare/?ids=")
    assert "Nothing chosen yet" in emptied.content.decode()
    assert client.get("/en/compare/").status_code == 200, "an emptied selection is forgotten"


def test_the_page_speaks_the_readers_language(client, compared_pages):
    html = client.get(f"/sv/compare/?ids={compared_pages['danish'].pk}").content.decode()
    _header, rows = read_table(html)
    assert "Jämför program och metoder" in html
    assert "Teman" in rows
    assert rows["Teman"]["cells"] == ["Inbrott"]


@pytest.mark.parametrize(
    ("query", "status", "message"),
    [
        ("ids=abc", 400, "“abc” is not the number of a programme or method."),
        ("ids=12,abc", 400, "“abc” is not the number of a programme or method."),
        ("ids=-3", 400, "“-3” is not the number of a programme or method."),
        ("ids=0", 400, "“0” is not the number of a programme or method."),
        ("ids=12,,34", 400, "The list of items has an empty place"),
        ("ids=12,", 400, "The list of items has an empty place"),
        ("ids=99999999999999999999", 400, "is not the number of a programme or method."),
        ("ids=2147483648", 400, "“2147483648” is not the number of a programme or method."),
        ("ids=7,7", 400, "Item 7 is in the list twice."),
        ("ids=1,2,3,4,5", 400, "You can compare at most 4 items; this link names 5."),
        ("ids=1&ids=2", 400, "Give the items as one list"),
        ("ids=1&hide_empty=yes", 400, "Hiding empty rows is switched on with hide_empty=1."),
        ("add=x", 400, "“x” is not the number of a programme or method."),
        ("add=1,2", 400, "Add one item at a time."),
        ("add=", 400, "Add one item at a time."),
    ],
)
def test_malformed_selections_are_refused_with_a_message(client, home_page, query, status, message):
    response = client.get(f"/en/compare/?{query}")
    assert response.status_code == status
    html = response.content.decode()
    assert 'role="alert"' in html
    assert message in html


def test_an_unknown_id_is_not_found_and_links_to_the_others(client, compared_pages):
    danish = compared_pages["danish"]
    response = client.get(f"/en/compare/?ids={danish.pk},987654")
    assert response.status_code == 404
    html = response.content.decode()
    assert "There is no published programme or method with the number 987654." in html
    assert f'href="/en/compare/?ids={danish.pk}"' in html


def test_unpublished_pages_and_other_page_types_are_not_found(client, compared_pages, home_page):
    swedish = compared_pages["swedish"]
    swedish.unpublish()
    response = client.get(f"/en/compare/?ids={swedish.pk},{home_page.pk}")
    assert response.status_code == 404
    assert (
        f"There are no published programmes or methods with the numbers {swedish.pk}, "
        f"{home_page.pk}." in response.content.decode()
    )


def test_without_javascript_the_add_button_builds_the_selection(client, compared_pages):
    danish, swedish, method = (compared_pages[k] for k in ("danish", "swedish", "method"))
    response = client.get(f"/en/compare/?add={danish.pk}")
    assert response.status_code == 302
    assert response["Location"] == f"/en/compare/?ids={danish.pk}"
    client.get(response["Location"])  # the comparison page remembers the selection
    assert client.cookies[COOKIE_NAME].value == str(danish.pk)

    response = client.get(f"/en/compare/?add={swedish.pk}")
    assert response["Location"] == f"/en/compare/?ids={ids_of(danish, swedish)}"
    client.get(response["Location"])
    response = client.get(f"/en/compare/?add={method.pk}", follow=True)
    _header, rows = read_table(response.content.decode())
    assert rows["Type"]["cells"] == ["Programme", "Programme", "Method"]


@pytest.fixture
def two_more(sections):
    """Two more programmes, so that five can be asked for."""
    pages = []
    for number in (1, 2):
        page = ProgrammePage(
            title_da=f"Program {number}",
            slug_da=f"program-{number}",
            summary_da="Et kort resumé.",
            country="DK",
        )
        sections["programmes"]["DK"].add_child(instance=page)
        page.save_revision().publish()
        pages.append(page)
    return pages


def test_adding_a_fifth_item_says_the_comparison_is_full(client, compared_pages, two_more):
    danish, swedish, method = (compared_pages[k] for k in ("danish", "swedish", "method"))
    fourth, fifth = two_more
    client.cookies[COOKIE_NAME] = ids_of(danish, swedish, method, fourth)
    response = client.get(f"/en/compare/?add={fifth.pk}")
    assert response.status_code == 400
    html = response.content.decode()
    assert "You can compare at most 4 items. Remove one before you add another." in html
    header, _rows = read_table(html)
    assert len(header) == 5  # the four chosen, each with its remove link


def test_a_damaged_or_stale_cookie_does_not_break_adding(client, compared_pages):
    danish, swedish = compared_pages["danish"], compared_pages["swedish"]
    client.cookies[COOKIE_NAME] = "junk,,"
    response = client.get(f"/en/compare/?add={danish.pk}")
    assert response["Location"] == f"/en/compare/?ids={danish.pk}"

    client.cookies[COOKIE_NAME] = f"{swedish.pk},987654"
    response = client.get(f"/en/compare/?add={danish.pk}")
    assert response["Location"] == f"/en/compare/?ids={ids_of(swedish, danish)}"


def test_four_items_take_no_more_queries_than_one(client, compared_pages, two_more):
    danish, swedish, method = (compared_pages[k] for k in ("danish", "swedish", "method"))
    client.get(f"/en/compare/?ids={danish.pk}")  # warm the site root paths cache
    with CaptureQueriesContext(connection) as one:
        client.get(f"/en/compare/?ids={danish.pk}")
    with CaptureQueriesContext(connection) as four:
        response = client.get(f"/en/compare/?ids={ids_of(danish, swedish, method, two_more[0])}")
    assert response.status_code == 200
    # The methods' query and its three prefetches (skipped when every item is a programme);
    # nothing per item.
    assert len(four) <= len(one) + 4


def test_a_four_item_comparison_has_a_bounded_query_count(
    client, compared_pages, two_more, django_assert_max_num_queries
):
    danish, swedish, method = (compared_pages[k] for k in ("danish", "swedish", "method"))
    with django_assert_max_num_queries(18):
        response = client.get(f"/en/compare/?ids={ids_of(danish, swedish, method, two_more[0])}")
    assert response.status_code == 200


@pytest.mark.parametrize("kind", ["danish", "method"])
def test_programme_and_method_pages_have_the_add_button(client, compared_pages, kind):
    page = compared_pages[kind]
    with translation.override("da"):
        url = page.get_url()
    html = client.get(url).content.decode()
    assert 'action="/da/compare/"' in html
    assert f'<input type="hidden" name="add" value="{page.pk}">' in html
    assert "Tilføj til sammenligning" in html
    assert "js/compare.js" in html
