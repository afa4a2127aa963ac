"""The bulk exports: every published programme and method as JSON or CSV, written in pieces.

Both are generators of text chunks, so the web view streams them and the management command
writes them to a file without ever holding the whole export in memory. Pages are read in
batches with their relations prefetched: a fixed number of queries per batch.

The JSON follows schema/export.schema.json. The CSV has one row per page; a cell with several
values joins them with " | " (slugs and ids never contain it); the JSON has everything else.
A text that a spreadsheet would run as a formula starts with an apostrophe there (`safe_csv`).

A page's studies, implementation sites, external ratings and rating history are tables of their
own: squeezed into the page's row they would be cells of joined texts no spreadsheet can sort
or count, so each is a CSV of its own with one row per study (site, rating...) and the page's
`page_id`, which joins it to the page's row. The page's row keeps the summary a reader scans:
the rating's figures, the EMMIE strengths, the cost and the readiness, and the counts. Each
child row is the JSON's record of the same thing, flattened, so the two cannot disagree.
"""

import json
from dataclasses import dataclass
from pathlib import Path

from django.utils import timezone
from wagtail.models import Page

from base.languages import LANGUAGES
from base.visibility import publicly_visible

from .. import safe_csv
from ..models import (
    Area,
    Arena,
    ExternalRating,
    ImplementationSite,
    MethodPage,
    Organisation,
    ProgrammePage,
    Registry,
    Source,
    Study,
    TargetGroup,
    Theme,
)
from ..models.evidence import EMMIE_DIMENSIONS
from ..models.review import RatingRecord
from .licence import licence_record
from .queries import published_with_relations
from .serializers import (
    area_record,
    external_rating_record,
    implementation_site_record,
    organisation_record,
    page_record,
    rating_record_entry,
    registry_record,
    source_record,
    study_record,
    term_record,
)

FORMAT_VERSION = 2
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
    "registries": (Registry, registry_record),
}
PAGE_SECTIONS = {"programmes": ProgrammePage, "methods": MethodPage}


def page_records(model):
    for page in published_with_relations(model).iterator(chunk_size=BATCH_SIZE):
        yield page_record(page)


def taxonomy():
    registries = Registry.objects.prefetch_related("labels")
    querysets = {"registries": registries}
    return {
        name: [record(item) for item in querysets.get(name, model.objects).order_by("pk")]
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
        "data_licence": licence_record(),
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


def _count(key):
    return lambda record: len(record[key])


def _rating(*names):
    return {f"rating_{name}": lambda r, key=name: r["rating"][key] for name in names}


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
    **_rating("best_design", "robust_studies", "places"),
    **_rating("rated_at", "rated_by", "reviewed_at", "reviewed_by"),
    **{
        f"emmie_{name}_strength": lambda r, key=name: r["rating"]["emmie"][key]["strength"]
        for name, _label in EMMIE_DIMENSIONS
    },
    "studies": _count("studies"),
    "external_ratings": _count("external_ratings"),
    **_fields("cost_band", "cost_unit", "cost_amount", "cost_currency", "cost_year", "readiness"),
    "implementation_sites": _count("implementation_sites"),
    "implementation_site_areas": _joined("implementation_sites", lambda s: s["area"]["slug"]),
}


class _Line:
    """A file-like object whose write() hands back the line, so csv.writer can feed a generator."""

    def write(self, line):
        return line


def _csv(columns, records):
    """A header of the columns' names, then one row per record."""
    writer = safe_csv.writer(_Line())
    yield writer.writerow(columns)
    for record in records:
        cells = (column(record) for column in columns.values())
        yield writer.writerow(["" if cell is None else cell for cell in cells])


def csv_chunks():
    """The CSV export: a header, then one row per programme, then one per method."""
    records = (record for model in PAGE_SECTIONS.values() for record in page_records(model))
    return _csv(CSV_COLUMNS, records)


def _visible_pages():
    """The ids of every published programme and method page, as a subquery."""
    return publicly_visible(Page.objects.type(*PAGE_SECTIONS.values())).values("pk")


def _child_rows(model, record, *related):
    """(page id, record) of each row of a child table whose page is published, page by page."""
    rows = model.objects.filter(page__in=_visible_pages())
    if related:
        rows = rows.select_related(*related)
    rows = rows.order_by("page_id", *model._meta.ordering, "pk")
    for row in rows.iterator(chunk_size=BATCH_SIZE):
        yield {"page_id": row.page_id, **record(row)}


def _level(key):
    return {
        key: lambda r: (r[key] or {}).get("level"),
        **{
            f"{key}_label_{lang}": lambda r, name=f"label_{lang}": (r[key] or {}).get(name)
            for lang in LANGUAGES
        },
    }


STUDY_COLUMNS = {
    **_fields("page_id", "citation", "year", "design", "sms_level", "place"),
    **_per_language("outcome"),
    "direction": lambda r: r["direction"],
    **_per_language("effect_size", "finding"),
    "url": lambda r: r["url"],
}
SITE_COLUMNS = {
    "page_id": lambda r: r["page_id"],
    "area": lambda r: r["area"]["slug"],
    **{f"area_name_{lang}": lambda r, key=f"name_{lang}": r["area"][key] for lang in LANGUAGES},
    **_fields("start_year", "end_year"),
    "organisation": lambda r: (r["organisation"] or {}).get("slug"),
    "organisation_name": lambda r: r["organisation_name"],
    **_per_language("adapted", "learnt"),
}
EXTERNAL_RATING_COLUMNS = {
    **_fields("page_id", "registry", "registry_slug", "label", "rated_on", "url"),
    "mapped_level": lambda r: (r["mapped_level"] or {}).get("level"),
    **{
        f"mapped_level_label_{lang}": lambda r, key=f"label_{lang}": (r["mapped_level"] or {}).get(
            key
        )
        for lang in LANGUAGES
    },
}
RATING_HISTORY_COLUMNS = {
    **_fields("page_id", "level", "code", "best_design", "robust_studies", "places"),
    **_fields("rated_at", "rated_by", "reviewed_at", "reviewed_by"),
}


def studies_chunks():
    return _csv(STUDY_COLUMNS, _child_rows(Study, study_record))


def sites_chunks():
    rows = _child_rows(ImplementationSite, implementation_site_record, "area", "organisation")
    return _csv(SITE_COLUMNS, rows)


def external_ratings_chunks():
    rows = _child_rows(ExternalRating, external_rating_record, "registry_label__registry")
    return _csv(EXTERNAL_RATING_COLUMNS, rows)


def rating_history_chunks():
    return _csv(RATING_HISTORY_COLUMNS, _child_rows(RatingRecord, rating_record_entry))


CSV = "text/csv; charset=utf-8"


@dataclass(frozen=True)
class Export:
    """One export file: how it is written, under which name it is served, and as what."""

    chunks: object
    filename: str
    content_type: str

    @property
    def media_type(self):
        return self.content_type.partition(";")[0]


#: Name (the command's --format, the URL's name) -> export. The first two are the page exports.
EXPORTS = {
    "json": Export(json_chunks, "export.json", "application/json"),
    "csv": Export(csv_chunks, "export.csv", CSV),
    "studies": Export(studies_chunks, "studies.csv", CSV),
    "sites": Export(sites_chunks, "sites.csv", CSV),
    "external-ratings": Export(external_ratings_chunks, "external-ratings.csv", CSV),
    "rating-history": Export(rating_history_chunks, "rating-history.csv", CSV),
}
