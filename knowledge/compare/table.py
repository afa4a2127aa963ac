"""The comparison as plain data: one column per item, one row per aspect, cells as lines of text.

The HTML table, the CSV file and the Excel workbook are all drawn from `build_comparison`, so
they always show the same rows with the same words. Every text is taken in the reader's
language; when a translation is missing, the original-language text is shown and the line
carries that language, so the table can mark it with `lang` and a visible tag.

Programmes and methods share some aspects (summary, themes, evidence, what it takes, sources)
and not others. A cell of an aspect an item does not have is "not applicable" (None), and an
aspect that no compared item has is left out of the table.
"""

from dataclasses import dataclass

from django.db.models import Prefetch
from django.utils.formats import number_format
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from base import languages
from base.visibility import publicly_visible

from ..models import Area, MethodPage, PageSource, ProgrammePage, ProgrammePartner
from ..models.evidence import rating_facts
from ..models.implementation import IMPLEMENTATION_TEXTS
from ..models.pages import by_shown_title


@dataclass(frozen=True)
class Text:
    """One line of a cell. `language` is set only when it differs from the reader's."""

    text: str
    language: str = ""
    url: str = ""

    @property
    def language_tag(self):
        return languages.language_tag(self.language) if self.language else ""

    def plain(self):
        """The line as exports write it, with the language tag in brackets."""
        return f"{self.text} ({self.language_tag})" if self.language else self.text


@dataclass(frozen=True)
class Cell:
    """What one item says about one aspect; `lines` is None when the aspect does not apply."""

    lines: tuple[Text, ...] | None

    @property
    def applicable(self):
        return self.lines is not None

    @property
    def empty(self):
        return not self.lines

    @property
    def key(self):
        """What the item says, for telling cells apart: no value and "not applicable" match."""
        return tuple(line.text for line in self.lines or ())

    def plain(self):
        if not self.applicable:
            return _("not applicable")
        return "\n".join(line.plain() for line in self.lines) or "—"


@dataclass(frozen=True)
class Row:
    key: str
    label: str
    cells: tuple[Cell, ...]

    @property
    def differs(self):
        return len({cell.key for cell in self.cells}) > 1

    @property
    def empty(self):
        return all(cell.empty for cell in self.cells)


@dataclass(frozen=True)
class Column:
    id: int
    title: Text
    kind: str
    url: str


@dataclass
class Comparison:
    columns: list[Column]
    rows: list[Row]
    hidden_rows: int = 0

    @property
    def differing_rows(self):
        return sum(row.differs for row in self.rows)


class UnknownItems(LookupError):
    """Some ids name no published programme or method; `found` are the ones that do."""

    def __init__(self, missing, found):
        super().__init__(f"No published programme or method with the ids {missing}")
        self.missing = missing
        self.found = found


class _Reader:
    """Reads one page's aspects in one language."""

    def __init__(self, page, language, request):
        self.page = page
        self.language = language
        self.request = request

    def text(self, obj, name, prefix=""):
        """`obj.<name>` by `languages.in_language` with the page's original: a Text or None."""
        text, shown = languages.in_language(obj, name, self.language, self.page.original_language)
        if not text:
            return None
        return Text(f"{prefix}{text}", "" if shown == self.language else shown)

    def lines(self, *texts):
        return tuple(text for text in texts if text)

    def names(self, terms):
        return self.lines(*(self.text(term, "name") for term in terms))

    def choice(self, label):
        return Text(str(label)) if label else None


def _type(r):
    return (Text(str(r.page._meta.verbose_name).capitalize()),)


def _summary(r):
    return r.lines(r.text(r.page, "summary"))


def _country_and_areas(r):
    """The country, then the areas within it (an area that is a whole country says nothing more)."""
    areas = []
    if isinstance(r.page, ProgrammePage):
        areas = [area for area in r.page.areas.all() if area.kind != Area.Kind.COUNTRY]
    return (Text(r.page.get_country_display()), *r.names(areas))


def _period_and_status(r):
    return r.lines(r.choice(r.page.period), r.choice(r.page.get_status_display()))


def _partners(r):
    """Everyone but the funders (they have their own row), the lead organisations first."""
    partners = [p for p in r.page.partners.all() if p.role != ProgrammePartner.Role.FUNDER]
    partners.sort(key=lambda partner: partner.role != ProgrammePartner.Role.LEAD)
    return tuple(
        Text(f"{name.text} ({partner.get_role_display().lower()})", name.language)
        for partner in partners
        for name in [r.text(partner.organisation, "name")]
    )


def _funding(r):
    page = r.page
    funders = r.names(
        p.organisation for p in page.partners.all() if p.role == ProgrammePartner.Role.FUNDER
    )
    amount = None
    if page.funding_amount is not None:
        figure = number_format(page.funding_amount, decimal_pos=0, force_grouping=True)
        amount = Text(f"{figure} {page.funding_currency}".strip())
    return (*funders, *r.lines(amount, r.text(page, "funding_note")))


def _themes(r):
    return r.names(r.page.themes.all())


def _target_groups(r):
    return r.names(r.page.target_groups.all())


def _arenas(r):
    return r.names(r.page.arenas.all())


def _prevention(r):
    page = r.page
    return r.lines(
        r.choice(page.get_prevention_approach_display()),
        r.choice(page.get_prevention_level_display()),
    )


def _goals(r):
    lines = []
    for goal in r.page.goals.all():
        lines += r.lines(
            r.text(goal, "text"),
            r.text(goal, "indicator", prefix=_("Indicator") + ": "),
            r.text(goal, "target", prefix=_("Target") + ": "),
        )
    return tuple(lines)


def _methods(r):
    return tuple(
        Text(title.text, title.language, method.get_url(r.request))
        for method in r.page.methods.all()
        for title in [r.text(method, "title")]
    )


def _evidence(r):
    page = r.page
    lines = [Text(page.get_evidence_level_display()), *r.lines(r.text(page, "evidence_note"))]
    for study in page.studies.all():
        year = f" ({study.year})" if study.year else ""
        finding = r.text(study, "finding", prefix=": ")
        lines.append(
            Text(
                f"{study.citation}{year} – {study.get_design_display()}"
                + (finding.text if finding else ""),
                finding.language if finding else "",
                study.url,
            )
        )
    return tuple(lines)


def _rating(r):
    """The best design, robust studies and places, then each EMMIE dimension with its strength."""
    page = r.page
    summary = rating_facts(page.studies.all())
    lines = []
    if summary["best_design"]:
        lines.append(Text(_("Best study design") + ": " + str(summary["best_design_label"])))
        lines.append(Text(_("Robust studies") + f": {summary['robust_studies']}"))
        lines.append(Text(_("Places studied") + f": {summary['places']}"))
    for dimension in page.emmie_profile():
        strength = f" ({dimension['strength']})" if dimension["strength"] else ""
        text = r.text(page, dimension["field"], prefix=f"{dimension['label']}{strength}: ")
        lines.append(text or Text(f"{dimension['label']}{strength}"))
    return tuple(lines)


def _cost(r):
    return r.lines(r.choice(r.page.cost))


def _readiness(r):
    return r.lines(r.choice(r.page.get_readiness_display()))


def _field(name):
    return lambda r: r.lines(r.text(r.page, name))


def _sources(r):
    lines = []
    for link in r.page.source_links.all():
        source = link.source
        title = r.text(source, "title")
        publisher = r.text(source.publisher, "name") if source.publisher else None
        details = ", ".join(
            str(part) for part in (publisher and publisher.text, source.published_year) if part
        )
        lines.append(
            Text(f"{title.text} – {details}" if details else title.text, title.language, source.url)
        )
    return tuple(lines)


def _last_reviewed(r):
    reviewed = r.page.last_reviewed
    return (Text(reviewed.isoformat()),) if reviewed else ()


#: (key, label, what a programme says, what a method says); None: the aspect does not apply.
ROWS = [
    ("type", gettext_lazy("Type"), _type, _type),
    ("summary", gettext_lazy("Summary"), _summary, _summary),
    ("country", gettext_lazy("Country and areas"), _country_and_areas, _country_and_areas),
    ("period", gettext_lazy("Period and status"), _period_and_status, None),
    ("partners", gettext_lazy("Lead organisation and partners"), _partners, None),
    ("funding", gettext_lazy("Funders and amount"), _funding, None),
    ("themes", gettext_lazy("Themes"), _themes, _themes),
    ("target_groups", gettext_lazy("Target groups"), _target_groups, None),
    ("arenas", gettext_lazy("Arenas"), _arenas, None),
    ("prevention", gettext_lazy("Prevention type"), _prevention, None),
    ("goals", gettext_lazy("Goals"), _goals, None),
    ("methods", gettext_lazy("Methods used"), _methods, None),
    ("what_it_is", gettext_lazy("What it is"), None, _field("what_it_is")),
    ("mechanism", gettext_lazy("Why it should work"), None, _field("mechanism")),
    ("when_to_use", gettext_lazy("When to use it"), None, _field("when_to_use")),
    ("evidence", gettext_lazy("Evidence level and studies"), _evidence, _evidence),
    (
        "requirements",
        gettext_lazy("What it takes"),
        _field("implementation"),
        _field("requirements"),
    ),
    ("rating", gettext_lazy("Study designs and EMMIE profile"), _rating, _rating),
    ("cost", gettext_lazy("Cost"), _cost, _cost),
    *((name, label, _field(name), _field(name)) for name, label in IMPLEMENTATION_TEXTS),
    ("readiness", gettext_lazy("Readiness to be taken up elsewhere"), _readiness, _readiness),
    ("sources", gettext_lazy("Sources"), _sources, _sources),
    ("last_reviewed", gettext_lazy("Last reviewed"), _last_reviewed, _last_reviewed),
]


def _sources_prefetch():
    return Prefetch(
        "source_links",
        queryset=PageSource.objects.select_related("source__publisher"),
    )


def load_pages(ids):
    """The published programmes and methods with these ids, in that order, with what the rows
    read fetched in a fixed number of queries; raises UnknownItems."""
    if not ids:
        return []
    shared = ["themes", "studies", _sources_prefetch()]
    programmes = (
        publicly_visible(ProgrammePage.objects)
        .filter(pk__in=ids)
        .prefetch_related(
            *shared,
            "areas",
            "target_groups",
            "arenas",
            "goals",
            Prefetch("partners", ProgrammePartner.objects.select_related("organisation")),
            Prefetch("methods", by_shown_title(publicly_visible(MethodPage.objects))),
        )
    )
    pages = {page.pk: page for page in programmes}
    if len(pages) < len(set(ids)):  # some are methods, or unknown
        methods = publicly_visible(MethodPage.objects).filter(pk__in=ids).prefetch_related(*shared)
        pages.update((page.pk, page) for page in methods)
    missing = [page_id for page_id in ids if page_id not in pages]
    if missing:
        raise UnknownItems(missing=missing, found=[i for i in ids if i in pages])
    return [pages[page_id] for page_id in ids]


def build_comparison(pages, request=None, hide_empty=False):
    """The aligned rows for these pages in the active language."""
    language = get_language()
    readers = [_Reader(page, language, request) for page in pages]
    rows = []
    for key, label, for_programme, for_method in ROWS:
        cells = []
        for reader in readers:
            read = for_programme if isinstance(reader.page, ProgrammePage) else for_method
            cells.append(Cell(read(reader) if read else None))
        if any(cell.applicable for cell in cells):
            rows.append(Row(key, str(label), tuple(cells)))
    shown = [row for row in rows if not (hide_empty and row.empty)]
    columns = [
        Column(
            id=reader.page.pk,
            title=reader.text(reader.page, "title"),
            kind=_type(reader)[0].text,
            url=reader.page.get_url(request),
        )
        for reader in readers
    ]
    return Comparison(columns=columns, rows=shown, hidden_rows=len(rows) - len(shown))
