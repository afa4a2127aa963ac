"""Which programmes or methods a comparison shows, read from the URL and checked.

The selection is the `ids` parameter (`?ids=12,34,56`), so a comparison is a link that can be
shared or pasted into a council paper. Readers without JavaScript build it one page at a time:
the "add" button sends `?add=<id>` and the view adds it to the selection remembered in a cookie.
Anything that is not a short list of distinct page ids is refused with a message, before the
database is asked.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MAX_ITEMS = 4

#: A page id as written in a URL: digits only, no sign, and small enough for the database.
ID_PATTERN = re.compile(r"[1-9][0-9]{0,9}")
LARGEST_ID = 2**31 - 1

#: The cookie that remembers the selection between pages for readers without JavaScript.
COOKIE_NAME = "bro_compare"


class SelectionError(ValueError):
    """The URL does not describe a selection; `message` says why in the reader's language."""

    status = 400

    def __init__(self, message):
        super().__init__(str(message))
        self.message = message


class TooManyItems(SelectionError):
    pass


@dataclass(frozen=True)
class Selection:
    """The page ids to compare, in the order the reader chose them, and the display options."""

    ids: tuple[int, ...] = ()
    hide_empty: bool = False

    def without(self, page_id):
        return tuple(i for i in self.ids if i != page_id)


def parse_ids(raw):
    """`"12,34"` -> `(12, 34)`; raises SelectionError for anything else but an empty value."""
    raw = (raw or "").strip()
    if not raw:
        return ()
    ids = []
    for part in raw.split(","):
        part = part.strip()
        if not part:
            raise SelectionError(_("The list of items has an empty place (two commas in a row)."))
        if not ID_PATTERN.fullmatch(part) or int(part) > LARGEST_ID:
            raise SelectionError(
                _("“%(part)s” is not the number of a programme or method.") % {"part": part[:20]}
            )
        if int(part) in ids:
            raise SelectionError(_("Item %(id)s is in the list twice.") % {"id": part})
        ids.append(int(part))
    if len(ids) > MAX_ITEMS:
        raise TooManyItems(
            ngettext(
                "You can compare at most %(max)d item; this link names %(count)d.",
                "You can compare at most %(max)d items; this link names %(count)d.",
                MAX_ITEMS,
            )
            % {"max": MAX_ITEMS, "count": len(ids)}
        )
    return tuple(ids)


def parse_selection(query):
    """The selection named by a query string (a QueryDict); raises SelectionError."""
    ids = query.getlist("ids")
    if len(ids) > 1:
        raise SelectionError(_("Give the items as one list: ?ids=12,34,56."))
    hide_empty = query.get("hide_empty", "")
    if hide_empty not in ("", "0", "1"):
        raise SelectionError(_("Hiding empty rows is switched on with hide_empty=1."))
    return Selection(ids=parse_ids(ids[0] if ids else ""), hide_empty=hide_empty == "1")


def remembered_ids(cookie):
    """The ids in the selection cookie; a damaged cookie counts as an empty selection."""
    try:
        return parse_ids(cookie)
    except SelectionError:
        return ()


def with_added(ids, raw_id):
    """The selection with one more id, as `?add=` asks; raises SelectionError."""
    added = parse_ids(raw_id)
    if len(added) != 1:
        raise SelectionError(_("Add one item at a time."))
    if added[0] in ids:
        return ids
    if len(ids) >= MAX_ITEMS:
        raise TooManyItems(
            ngettext(
                "You can compare at most %(max)d item. Remove one before you add another.",
                "You can compare at most %(max)d items. Remove one before you add another.",
                MAX_ITEMS,
            )
            % {"max": MAX_ITEMS}
        )
    return (*ids, added[0])
