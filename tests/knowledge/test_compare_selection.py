"""Reading a selection from the URL: pure functions, no database."""

import pytest
from django.http import QueryDict

from knowledge.compare.selection import (
    MAX_ITEMS,
    SelectionError,
    TooManyItems,
    parse_ids,
    parse_selection,
    remembered_ids,
    with_added,
)


@pytest.mark.parametrize(
    ("raw", "ids"),
    [("", ()), (None, ()), ("12", (12,)), ("12,34,56", (12, 34, 56)), (" 3 , 1 ", (3, 1))],
)
def test_a_list_of_ids_keeps_the_readers_order(raw, ids):
    assert parse_ids(raw) == ids


@pytest.mark.parametrize(
    "raw",
    ["abc", "12,abc", "-3", "+3", "0", "012", "1.5", "1e3", "١٢", "12,,34", ",12", "12,",
     "2147483648", "99999999999999999999", "7,7"],
)  # fmt: skip
def test_anything_else_is_refused(raw):
    with pytest.raises(SelectionError) as error:
        parse_ids(raw)
    assert error.value.status == 400
    assert str(error.value.message)


def test_more_than_four_is_refused():
    assert len(parse_ids("1,2,3,4")) == MAX_ITEMS
    with pytest.raises(TooManyItems):
        parse_ids("1,2,3,4,5")


def test_hide_empty_is_read_from_the_query():
    assert parse_selection(QueryDict("ids=1,2&hide_empty=1")).hide_empty
    assert not parse_selection(QueryDict("ids=1,2&hide_empty=0")).hide_empty
    with pytest.raises(SelectionError):
        parse_selection(QueryDict("ids=1&hide_empty=true"))


def test_adding_appends_once_and_stops_at_four():
    assert with_added((3,), "5") == (3, 5)
    assert with_added((3, 5), "3") == (3, 5)
    with pytest.raises(TooManyItems):
        with_added((1, 2, 3, 4), "5")
    with pytest.raises(SelectionError):
        with_added((), "5,6")


def test_a_damaged_cookie_is_an_empty_selection():
    assert remembered_ids("4,5") == (4, 5)
    assert remembered_ids("<script>") == ()
    assert remembered_ids(None) == ()
