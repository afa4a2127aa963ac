"""Builds the site below its home page from the TOML files beside this module, through the
model API.

The files hold every programme, method, organisation and place named in the seed documents, in
Danish, Swedish and English. Loading is idempotent and conservative: what exists already (matched
by slug) is left as editors may have changed it; only what is missing is created and published.
The home page itself is the `home` app's (`home/demo_content.py`), which hands it to `Loader`.
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from anyascii import anyascii
from django.db import transaction
from django.utils.html import escape
from django.utils.text import slugify

from base.languages import LANGUAGES

from ..models import (
    Area,
    Arena,
    EvidenceLevel,
    MethodPage,
    Organisation,
    PageSource,
    ProgrammeGoal,
    ProgrammePage,
    ProgrammePartner,
    Source,
    TargetGroup,
    Theme,
)
from . import site_structure

DATA_DIR = Path(__file__).resolve().parent
TAXONOMY = {
    "themes": Theme,
    "target_groups": TargetGroup,
    "arenas": Arena,
    "organisations": Organisation,
}


@dataclass
class LoadReport:
    created: list = field(default_factory=list)
    existing: int = 0

    def __str__(self):
        return f"{len(self.created)} created, {self.existing} already there"


def translated(prefix, texts):
    """`{"da": "x", ...}` as model keyword arguments: `{prefix_da: "x", ...}`."""
    return {f"{prefix}_{lang}": (texts or {}).get(lang, "") for lang in LANGUAGES}


def slug_for(text):
    """A URL slug that keeps Nordic letters readable: "Östergötland" becomes "ostergotland"."""
    return slugify(anyascii(text))[:80]


def paragraphs_html(text):
    return "".join(f"<p>{escape(p.strip())}</p>" for p in text.split("\n\n") if p.strip())


def read_data():
    """Every TOML file merged: lists of the same kind from all files are concatenated."""
    merged = {}
    for path in sorted(DATA_DIR.glob("*.toml")):
        for kind, items in tomllib.loads(path.read_text(encoding="utf-8")).items():
            merged.setdefault(kind, []).extend(items)
    return merged


class Loader:
    def __init__(self, data):
        self.data = data
        self.report = LoadReport()
        self.by_key = {kind: {} for kind in [*TAXONOMY, "areas", "sources", "methods"]}

    @transaction.atomic
    def load(self, home):
        """Everything below `home`: index pages, country sections, snippets, pages, groups."""
        sections = site_structure.ensure_sections(home, self.create_page)
        self.load_taxonomy()
        self.load_areas()
        self.load_sources()
        for item in self.data.get("methods", []):
            self.by_key["methods"][item["key"]] = self.load_method(item, sections)
        for item in self.data.get("programmes", []):
            self.load_programme(item, sections)
        site_structure.ensure_editor_groups(sections)
        return self.report

    # --- site -----------------------------------------------------------------------------

    def create_page(self, parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        self.report.created.append(page)
        return page

    # --- snippets -------------------------------------------------------------------------

    def load_taxonomy(self):
        for kind, model in TAXONOMY.items():
            for item in self.data.get(kind, []):
                extra = {}
                if model is Organisation:
                    extra = {
                        "kind": item["kind"],
                        "country": item["country"],
                        "website": item.get("website", ""),
                    }
                self.by_key[kind][item["key"]] = self._snippet(
                    model, item["key"], translated("name", item["name"]), extra
                )

    def load_areas(self):
        items = self.data.get("areas", [])
        for item in items:
            extra = {"kind": item["kind"], "country": item["country"], "code": item.get("code", "")}
            self.by_key["areas"][item["key"]] = self._snippet(
                Area, item["key"], translated("name", item["name"]), extra
            )
        for item in items:
            area = self.by_key["areas"][item["key"]]
            if item.get("parent") and area.parent_id is None:
                area.parent = self.by_key["areas"][item["parent"]]
                area.save(update_fields=["parent"])

    def load_sources(self):
        for item in self.data.get("sources", []):
            fields = {
                **translated("title", item["title"]),
                "kind": item["kind"],
                "publisher": self.by_key["organisations"].get(item.get("publisher")),
                "date": datetime.date.fromisoformat(item["date"]) if item.get("date") else None,
                "year": item.get("year"),
                "language": item["language"],
                "url": item.get("url", ""),
                "document": item.get("seed_file", ""),
            }
            self.by_key["sources"][item["key"]] = self._snippet(Source, item["key"], fields)

    def _snippet(self, model, slug, fields, extra=None):
        obj, created = model.objects.get_or_create(slug=slug, defaults={**fields, **(extra or {})})
        if created:
            self.report.created.append(obj)
        else:
            self.report.existing += 1
        return obj

    # --- pages ----------------------------------------------------------------------------

    def _existing(self, model, item):
        slug = slug_for(item["title"]["da"])
        return model.objects.filter(slug_da=slug).first()

    def _common_fields(self, item):
        level = item.get("evidence_level", "not_evaluated").upper()
        return {
            **translated("title", item["title"]),
            **{f"slug_{lang}": slug_for(item["title"][lang]) for lang in LANGUAGES},
            **translated("summary", item["summary"]),
            **translated("evidence_note", item.get("evidence_note")),
            "country": item["country"],
            "original_language": item["original_language"],
            "evidence_level": EvidenceLevel[level],
            "last_reviewed": datetime.date.fromisoformat(item["last_reviewed"])
            if item.get("last_reviewed")
            else None,
        }

    def _relations(self, page, item):
        page.themes = [self.by_key["themes"][key] for key in item.get("themes", [])]
        passages = item.get("passages", {})
        page.source_links = [
            PageSource(source=self.by_key["sources"][key], passage=passages.get(key, ""))
            for key in item.get("sources", [])
        ]

    def load_method(self, item, sections):
        existing = self._existing(MethodPage, item)
        if existing:
            self.report.existing += 1
            return existing
        page = MethodPage(
            **self._common_fields(item),
            **translated("what_it_is", item.get("what_it_is")),
            **translated("mechanism", item.get("mechanism")),
            **translated("when_to_use", item.get("when_to_use")),
            **translated("requirements", item.get("requirements")),
        )
        self._relations(page, item)
        return self.create_page(sections["methods"][section_country(item)], page)

    def load_programme(self, item, sections):
        existing = self._existing(ProgrammePage, item)
        if existing:
            self.report.existing += 1
            return existing
        page = ProgrammePage(
            **self._common_fields(item),
            **translated("funding_note", item.get("funding_note")),
            **translated("implementation", item.get("implementation")),
            **translated("contact", item.get("contact")),
            **{f"description_{lang}": description(item, lang) for lang in LANGUAGES},
            prevention_approach=item.get("prevention_approach", ""),
            prevention_level=item.get("prevention_level", ""),
            start_year=item.get("start_year"),
            end_year=item.get("end_year"),
            status=item.get("status", ProgrammePage.Status.ACTIVE),
            funding_amount=item.get("funding_amount"),
            funding_currency=item.get("funding_currency", ""),
        )
        self._relations(page, item)
        page.target_groups = [
            self.by_key["target_groups"][k] for k in item.get("target_groups", [])
        ]
        page.arenas = [self.by_key["arenas"][k] for k in item.get("arenas", [])]
        page.areas = [self.by_key["areas"][k] for k in item.get("areas", [])]
        page.methods = [self.by_key["methods"][k] for k in item.get("methods", [])]
        page.goals = [ProgrammeGoal(**goal_fields(goal)) for goal in item.get("goals", [])]
        page.partners = [
            ProgrammePartner(
                organisation=self.by_key["organisations"][p["organisation"]], role=p["role"]
            )
            for p in item.get("partners", [])
        ]
        return self.create_page(sections["programmes"][section_country(item)], page)


def section_country(item):
    """Pages about both countries live in the section of the country they come from."""
    if item["country"] in ("DK", "SE"):
        return item["country"]
    return "SE" if item["original_language"] == "sv" else "DK"


def goal_fields(goal):
    return {
        **translated("text", goal["text"]),
        **translated("indicator", goal.get("indicator")),
        **translated("target", goal.get("target")),
    }


def description(item, lang):
    """The description blocks of one language in StreamField's raw form."""
    blocks = []
    for block in item.get("description", []):
        if block["type"] == "text":
            blocks.append({"type": "text", "value": paragraphs_html(block["value"][lang])})
        elif block["type"] == "quote":
            value = {
                "text": block["text"][lang],
                "attribution": block.get("attribution", {}).get(lang, ""),
            }
            blocks.append({"type": "quote", "value": value})
        elif block["type"] == "figures":
            items = [{"figure": f["figure"], "label": f["label"][lang]} for f in block["items"]]
            blocks.append({"type": "figures", "value": items})
    return blocks
