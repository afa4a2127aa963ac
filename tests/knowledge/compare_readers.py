"""Reads a comparison back: the table of a rendered page as a screen reader reads it, and the
CSV and Excel exports, so tests compare what a reader would get."""

import csv
import io
import re
from html.parser import HTMLParser

from openpyxl import load_workbook


class _TableReader(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_table = False
        self.rows = []  # [{"class": ..., "cells": [text, ...], "marks": [text, ...]}]
        self.cell = None
        self.mark_depth = 0
        self.hidden_depth = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "table" and "compare-table" in (attrs.get("class") or ""):
            self.in_table = True
        elif self.in_table and tag == "tr":
            self.rows.append({"class": attrs.get("class") or "", "cells": [], "marks": []})
        elif self.in_table and tag in ("th", "td"):
            self.cell = []
        elif self.cell is not None and tag == "span" and "diff-mark" in (attrs.get("class") or ""):
            self.mark_depth = 1
        elif self.cell is not None and tag == "span" and attrs.get("aria-hidden") == "true":
            self.hidden_depth = 1
        elif self.cell is not None and tag in ("li", "br"):
            self.cell.append("\n")

    def handle_endtag(self, tag):
        if tag == "table":
            self.in_table = False
        elif self.cell is not None and tag in ("th", "td"):
            text = "".join(self.cell)
            lines = [re.sub(r"\s+", " ", line).strip() for line in text.split("\n")]
            self.rows[-1]["cells"].append("\n".join(line for line in lines if line))
            self.cell = None
        elif tag == "span":
            self.mark_depth = self.hidden_depth = 0

    def handle_data(self, data):
        if self.cell is None or self.hidden_depth:
            return
        if self.mark_depth:
            self.rows[-1]["marks"].append(data.strip())
        else:
            self.cell.append(data.replace("\n", " "))


def read_table(html):
    """`(header cells, {row label: {"cells": [...], "differs": bool, "mark": text}})`."""
    reader = _TableReader()
    reader.feed(html)
    header, *body = reader.rows
    rows = {
        row["cells"][0]: {
            "cells": row["cells"][1:],
            "differs": "differs" in row["class"].split(),
            "mark": " ".join(row["marks"]),
        }
        for row in body
    }
    return header["cells"], rows


def read_csv(response):
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def read_xlsx(response):
    """`(sheet, rows as strings)` of the workbook's only sheet."""
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = [
        ["" if value is None else str(value) for value in row]
        for row in sheet.iter_rows(values_only=True)
    ]
    return sheet, rows
