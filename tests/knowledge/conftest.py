"""Fixtures for the knowledge tests: taxonomy, the demo content, and pages for open data."""

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from knowledge.models import (
    EvidenceLevel,
    MethodPage,
    Organisation,
    PageSource,
    ProgrammeGoal,
    ProgrammePage,
    ProgrammePartner,
    Source,
    Study,
    Theme,
)


@pytest.fixture
def organisation():
    return Organisation.objects.create(
        name_da="Midt- og Vestjyllands Politi",
        name_sv="Midt- og Vestjyllands polis",
        name_en="Central and West Jutland Police",
        slug="mvjp",
        kind="police",
        country="DK",
    )


@pytest.fixture
def theme():
    return Theme.objects.create(
        name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="burglary"
    )


@pytest.fixture
def demo_content(db):
    """Every programme and method of the seed documents, published (knowledge/demo_content)."""
    call_command("load_demo_content", stdout=io.StringIO())


def slugs(slug):
    return {f"slug_{lang}": f"{slug}-{lang}" for lang in ("da", "sv", "en")}


def add_page(parent, page, publish=True):
    """Add the page under `parent`; published, or saved as a draft that never went live."""
    if not publish:
        page.live = False
    parent.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return type(page).objects.get(pk=page.pk)


def programme(**fields):
    return ProgrammePage(
        **{
            "country": "DK",
            "original_language": "da",
            "summary_da": "Et kriminalpræventivt program.",
            **fields,
        }
    )


def add_programmes(section, count, **fields):
    """More published programmes, for the tests that a listing's cost does not grow with them."""
    for number in range(count):
        page = programme(title_da=f"Program {number}", slug_da=f"program-{number}", **fields)
        add_page(section, page)


@pytest.fixture
def open_data_pages(sections, theme, organisation):
    """A fully described Swedish programme (no English), a method, and what must stay hidden.

    Hidden: a draft method the programme links to, a draft programme and a password-protected
    programme about the same theme.
    """
    source = Source.objects.create(
        title_da="Programerklæring",
        title_sv="Programförklaring",
        title_en="Programme declaration",
        slug="declaration",
        kind="programme_declaration",
        language="sv",
        date=datetime.date(2022, 3, 1),
    )
    method_page = MethodPage(
        title_da="Nabohjælp",
        title_sv="Grannsamverkan",
        title_en="Neighbourhood watch",
        **slugs("neighbourhood-watch"),
        summary_da="Naboer holder øje med hinandens huse.",
        summary_sv="Grannar håller uppsikt över varandras hus.",
        summary_en="Neighbours keep an eye on each other's homes.",
        what_it_is_da="Et netværk af naboer.",
        what_it_is_sv="Ett nätverk av grannar.",
        what_it_is_en="A network of neighbours.",
        country="DK",
        original_language="da",
        themes=[theme],
    )
    method = add_page(sections["methods"]["DK"], method_page)
    draft_method = add_page(
        sections["methods"]["DK"],
        MethodPage(
            title_da="Kladdemetode",
            **slugs("draft-method"),
            summary_da="Endnu ikke udgivet.",
            country="DK",
            original_language="da",
        ),
        publish=False,
    )
    swedish = programme(
        title_da="Tryghed i Östergötland",
        title_sv="Trygghet i Östergötland",
        slug_da="tryghed-i-ostergotland",
        slug_sv="trygghet-i-ostergotland",
        summary_da="Länets kommuner forebygger indbrud sammen.",
        summary_sv="Länets kommuner förebygger inbrott tillsammans.",
        country="SE",
        original_language="sv",
        start_year=2022,
        end_year=2027,
        status="active",
        prevention_approach="social",
        evidence_level=EvidenceLevel.PROMISING,
        funding_amount=Decimal(1500000),
        funding_currency="SEK",
        themes=[theme],
        methods=[method, draft_method],
        partners=[ProgrammePartner(organisation=organisation, role="lead")],
        goals=[
            ProgrammeGoal(
                text_da="Færre indbrud",
                text_sv="Färre inbrott",
                text_en="Fewer burglaries",
                indicator_sv="Anmälda inbrott",
            )
        ],
        studies=[
            Study(
                citation="Lind, Trygghet i länet, 2023",
                year=2023,
                design="before_after",
                finding_sv="Färre anmälda inbrott efter två år.",
            )
        ],
        source_links=[PageSource(source=source, passage="Samverkan mot brott i hela länet.")],
    )
    swedish = add_page(sections["programmes"]["SE"], swedish)
    other = add_page(
        sections["programmes"]["DK"],
        programme(
            title_da="Bestil en betjent",
            title_sv="Beställ en polis",
            title_en="Order a police officer",
            **slugs("order-an-officer"),
        ),
    )
    draft = add_page(
        sections["programmes"]["DK"],
        programme(title_da="Kladdeprogram", **slugs("draft-programme"), themes=[theme]),
        publish=False,
    )
    private = add_page(
        sections["programmes"]["DK"],
        programme(title_da="Hemmeligt program", **slugs("private-programme"), themes=[theme]),
    )
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    return SimpleNamespace(
        programme=swedish,
        other_programme=other,
        method=method,
        hidden={draft_method.pk, draft.pk, private.pk},
        source=source,
        theme=theme,
        organisation=organisation,
    )
