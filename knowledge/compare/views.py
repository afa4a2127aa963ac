"""The comparison page `/<lang>/compare/?ids=12,34` and its exports `/<lang>/compare/export/csv/`.

A URL that names no valid selection gets the page with a message: 400 when the list itself is
wrong (letters, duplicates, more than four), 404 when it is well formed but names a page that
does not exist or is not published (a shared link to a page since withdrawn), with a link to the
comparison of the others.
"""

from urllib.parse import urlencode

from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache

from .export import CONTENT_TYPES, filename, to_csv, to_xlsx
from .selection import (
    COOKIE_NAME,
    MAX_ITEMS,
    SelectionError,
    TooManyItems,
    parse_selection,
    remembered_ids,
    with_added,
)
from .table import UnknownItems, build_comparison, load_pages

TEMPLATE = "knowledge/compare/compare.html"


def compare_url(ids, hide_empty=False, name="compare", **kwargs):
    """The comparison of these ids, with commas left readable: `/da/compare/?ids=12,34`.

    An empty list still says `?ids=`: the reader emptied the comparison, which is not the same
    as following the menu's link to `/da/compare/`, which shows the remembered selection.
    """
    query = {"ids": ",".join(map(str, ids))}
    if hide_empty:
        query["hide_empty"] = "1"
    url = reverse(name, kwargs=kwargs)
    return f"{url}?{urlencode(query, safe=',')}"


def unknown_message(error):
    numbers = ", ".join(map(str, error.missing))
    return ngettext(
        "There is no published programme or method with the number %(numbers)s. "
        "It may have been withdrawn, or the link may be mistyped.",
        "There are no published programmes or methods with the numbers %(numbers)s. "
        "They may have been withdrawn, or the link may be mistyped.",
        len(error.missing),
    ) % {"numbers": numbers}


def refusal(request, message, status, others_url="", comparison=None, hide_empty=False):
    """The comparison page with a message saying why the URL was refused."""
    context = {"message": message, "others_url": others_url, "max_items": MAX_ITEMS}
    if comparison:
        context.update(table_context(comparison, hide_empty))
    return render(request, TEMPLATE, context, status=status)


def table_context(comparison, hide_empty):
    ids = [column.id for column in comparison.columns]
    return {
        "comparison": comparison,
        "hide_empty": hide_empty,
        "ids": ",".join(map(str, ids)),
        "headers": [
            (column, compare_url([i for i in ids if i != column.id], hide_empty))
            for column in comparison.columns
        ],
        "toggle_empty_url": compare_url(ids, not hide_empty),
        "csv_url": compare_url(ids, hide_empty, "compare_export", fmt="csv"),
        "xlsx_url": compare_url(ids, hide_empty, "compare_export", fmt="xlsx"),
    }


@never_cache
def compare(request):
    try:
        selection = parse_selection(request.GET)
        if "add" in request.GET:
            return add(request, selection)
        remembered = remembered_ids(request.COOKIES.get(COOKIE_NAME))
        if "ids" not in request.GET and remembered:
            return redirect(compare_url(remembered, selection.hide_empty))
        pages = load_pages(selection.ids)
    except SelectionError as error:
        return refusal(request, error.message, error.status)
    except UnknownItems as error:
        others = compare_url(error.found, selection.hide_empty) if error.found else ""
        return refusal(request, unknown_message(error), 404, others)
    context = {"max_items": MAX_ITEMS}
    if pages:
        comparison = build_comparison(pages, request, selection.hide_empty)
        context.update(table_context(comparison, selection.hide_empty))
    response = render(request, TEMPLATE, context)
    if pages:
        response.set_cookie(
            COOKIE_NAME, context["ids"], samesite="Lax", httponly=True, secure=request.is_secure()
        )
    else:
        response.delete_cookie(COOKIE_NAME, samesite="Lax")
    return response


def add(request, selection):
    """`?add=56` from a page's button: add it to the remembered selection and show that.

    Ids in the selection that are no longer published are dropped on the way.
    """
    base = selection.ids or remembered_ids(request.COOKIES.get(COOKIE_NAME))
    try:
        pages = load_pages(base)
    except UnknownItems as error:
        pages = load_pages(error.found)
    try:
        ids = with_added([page.pk for page in pages], request.GET["add"])
    except TooManyItems as error:
        comparison = build_comparison(pages, request, selection.hide_empty)
        return refusal(
            request,
            error.message,
            error.status,
            comparison=comparison,
            hide_empty=selection.hide_empty,
        )
    return redirect(compare_url(ids, selection.hide_empty))


@never_cache
def compare_export(request, fmt):
    try:
        selection = parse_selection(request.GET)
        if not selection.ids:
            raise SelectionError(_("Choose the programmes or methods to compare before exporting."))
        pages = load_pages(selection.ids)
    except SelectionError as error:
        return refusal(request, error.message, error.status)
    except UnknownItems as error:
        return refusal(request, unknown_message(error), 404)
    comparison = build_comparison(pages, request, selection.hide_empty)
    if fmt == "csv":
        content = to_csv(comparison)
    else:
        content = to_xlsx(comparison, request.build_absolute_uri)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{filename(fmt)}"'
    return response
