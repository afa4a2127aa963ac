"""The bulk exports: every published programme and method as JSON or CSV, written in pieces.

Both are generators of text chunks, so the web view streams them and the management command
writes them to a file without ever holding the whole export in memory. Pages are read in
batches with their relations prefetched: a fixed number of queries per batch.

The JSON follows schema/export.schema.json. The CSV has one row per page; a cell with several
values joins them with " | " (slugs and ids never contain it); the JSON has everything else.
A text that a spreadsheet would run as a formula starts with an apostrophe there (`safe_csv`).
"""

import json
from pathlib import Path

from django.utils import timezone

from base.languages import LANGUAGES

from .. import safe_csv
from ..models import (
    Area,
    Arena,
    MethodPage,
    Organisation,
    ProgrammePage,
    Source,
    TargetGroup,
    Theme,
)
from .queries import published_with_relations
from .serializers import (
    area_record,
    organisation_record,
    page_record,
    source_record,
    term_record,
)

FORMAT_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "schema" / "export.schema.json"
BATCH_SIZE = 200
SEPARATOR = " | "

#: Export section -> (model, record function). Every term, used by a published page or not.
TAXONOMY = {
    "themes": (Theme, term_record),
    "target_groups": (TargetGroup, term_record),
    "arenas": (Arena, term_record),
    "areas": (Area, area_record),
    "organisations": (Organisation, organisation_record),
    "sources": (Source, source_record),
}
PAGE_SECTIONS = {"programmes": ProgrammePage, "methods": MethodPage}


def page_records(model):
    for page in published_with_relations(model).iterator(chunk_size=BATCH_SIZE):
        yield page_record(page)


def taxonomy():
    return {
        name: [record(item) for item in model.objects.order_by("pk")]
        for name, (model, record) in TAXONOMY.items()
    }


def _dumps(value):
    return json.dumps(value, ensure_ascii=False)


def json_chunks():
    """The JSON export, one page record per chunk."""
    header = {
        "format_version": FORMAT_VERSION,
        "generated_at": timezone.now().isoformat(),
        "languages": list(LANGUAGES),
        "taxonomy": taxonomy(),
    }
    yield _dumps(header)[:-1]  # the object stays open for the page sections
    for section, model in PAGE_SECTIONS.items():
        yield f', "{section}": ['
        for index, record in enumerate(page_records(model)):
            yield ("," if index else "") + "\n" + _dumps(record)
        yield "\n]"
    yield "}\n"


def _joined(key, value):
    return lambda record: SEPARATOR.join(str(value(item)) for item in record.get(key, []))


def _per_language(*names):
    return {
        f"{name}_{lang}": lambda r, key=f"{name}_{lang}": r[key]
        for name in names
        for lang in LANGUAGES
    }


def _fields(*names):
    return {name: lambda r, key=name: r.get(key) for name in names}


#: Column -> function(record) -> cell. Programme-only columns are empty for methods.
CSV_COLUMNS = {
    **_fields("id", "type"),
    **_per_language("title", "summary", "url"),
    **_fields("country", "original_language", "status", "start_year", "end_year"),
    "evidence_level": lambda r: r["evidence"]["level"],
    **{
        f"evidence_label_{lang}": lambda r, key=f"label_{lang}": r["evidence"][key]
        for lang in LANGUAGES
    },
    "themes": _joined("themes", lambda term: term["slug"]),
    "target_groups": _joined("target_groups", lambda term: term["slug"]),
    "arenas": _joined("arenas", lambda term: term["slug"]),
    "areas": _joined("areas", lambda term: term["slug"]),
    "partners": _joined("partners", lambda p: f"{p['organisation']['slug']}:{p['role']}"),
    "methods": _joined("methods", lambda page: page["id"]),
    "programmes": _joined("programmes", lambda page: page["id"]),
    "sources": _joined("sources", lambda source: source["slug"]),
    **_fields("funding_amount", "funding_currency"),
    **_fields("first_published_at", "last_published_at", "last_reviewed"),
}


class _Line:
    """A file-like object whose write() hands back the line, so csv.writer can feed a generator."""

    def write(self, line):
        return line


def csv_chunks():
    """The CSV export: a header, then one row per programme, then one per method."""
    writer = safe_csv.writer(_Line())
    yield writer.writerow(CSV_COLUMNS)
    for model in PAGE_SECTIONS.values():
        for record in page_records(model):
            cells = (column(record) for column in CSV_COLUMNS.values())
            yield writer.writerow(["" if cell is None else cell for cell in cells])


EXPORTS = {"json": json_chunks, "csv": csv_chunks}
