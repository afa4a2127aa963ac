"""The comparison as a CSV file and as an Excel workbook, for council papers and spreadsheets.

Both write exactly the rows of the HTML table (`table.build_comparison`), one column per item,
with the row labels and texts in the reader's language.

The CSV is RFC 4180 (comma, double quotes) in UTF-8 with a byte-order mark, so that Excel opens
"æ", "ø" and "å" correctly; readers whose Excel expects semicolons use the workbook instead.
Neither runs a cell as a formula (`safe_csv`, and text cells in the workbook).
"""

import io

from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from .. import safe_csv

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def table_rows(comparison):
    """The header and body rows as lists of plain strings."""
    header = [_("Aspect"), *(column.title.plain() for column in comparison.columns)]
    body = [[row.label, *(cell.plain() for cell in row.cells)] for row in comparison.rows]
    return [header, *body]


def filename(extension, today=None):
    """`bro-sammenligning-2026-11-22.xlsx`: the site, the word in the reader's language, the day."""
    word = slugify(_("comparison"))
    day = (today or timezone.localdate()).isoformat()
    return f"bro-{word}-{day}.{extension}"


def to_csv(comparison):
    buffer = io.StringIO()
    safe_csv.writer(buffer).writerows(table_rows(comparison))
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(comparison, absolute_url):
    """A one-sheet workbook: bold header with links to the pages, wrapped text, frozen labels."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Comparison")[:31]
    for values in table_rows(comparison):
        sheet.append(values)
    wrap = Alignment(wrap_text=True, vertical="top")
    for row in sheet.iter_rows():
        for cell in row:
            cell.data_type = "s"  # a text that starts with "=" stays text, never a formula
            cell.alignment = wrap
    for column, cell in zip(comparison.columns, sheet[1][1:], strict=True):
        cell.hyperlink = absolute_url(column.url)
    for cell in [*sheet[1], *(row[0] for row in sheet.iter_rows(min_row=2))]:
        cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 28
    for index in range(2, len(comparison.columns) + 2):
        sheet.column_dimensions[get_column_letter(index)].width = 45
    sheet.freeze_panes = "B2"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
