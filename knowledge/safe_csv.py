"""CSV that a spreadsheet opens as text: no cell of ours is ever run as a formula.

Excel, LibreOffice and Google Sheets run a cell that starts with "=", "+", "-" or "@" (or a tab
or carriage return, which some of them skip first) as a formula, so a page title such as
`=HYPERLINK("http://...")` would become a live link in a council's spreadsheet. Such a text cell
gets a leading apostrophe, which spreadsheets show as text (OWASP's advice on CSV injection);
numbers are written as they are. Both CSV exports, the comparison's and the open data's, write
through `writer`.
"""

import csv

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell):
    """The cell, with an apostrophe before a text that a spreadsheet would run as a formula."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell


class writer:  # noqa: N801 - used like the csv.writer it wraps
    """`csv.writer(file)`, with every cell neutralised."""

    def __init__(self, file, **options):
        self._writer = csv.writer(file, **options)

    def writerow(self, row):
        return self._writer.writerow([neutralised(cell) for cell in row])

    def writerows(self, rows):
        for row in rows:
            self.writerow(row)
