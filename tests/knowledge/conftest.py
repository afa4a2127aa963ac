"""Fixtures for the knowledge tests: taxonomy, demo content, pages for open data and compare."""

import datetime
import io
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.core.management import call_command
from wagtail.models import PageViewRestriction

from knowledge.models import (
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
    Study,
    TargetGroup,
    Theme,
)

from .pages import add_page, slugs


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


@pytest.fixture
def compared_pages(sections, organisation, theme):
    """Three pages to compare: a Danish programme with every field filled in, a Swedish one whose
    English translation is missing, and a Swedish method. Both programmes share the theme."""
    denmark = Area.objects.create(
        name_da="Danmark",
        name_sv="Danmark",
        name_en="Denmark",
        slug="dk",
        kind="country",
        country="DK",
    )
    region = Area.objects.create(
        name_da="Region Midtjylland",
        name_sv="Region Midtjylland",
        name_en="Central Denmark Region",
        slug="region-midt",
        kind="region",
        country="DK",
    )
    county = Area.objects.create(
        name_da="Östergötlands län",
        name_sv="Östergötlands län",
        name_en="Östergötland County",
        slug="ostergotland",
        kind="county",
        country="SE",
    )
    funder = Organisation.objects.create(
        name_da="TrygFonden",
        name_sv="TrygFonden",
        name_en="TrygFonden",
        slug="trygfonden",
        kind="foundation",
        country="DK",
    )
    county_board = Organisation.objects.create(
        name_da="Länsstyrelsen Östergötland",
        name_sv="Länsstyrelsen Östergötland",
        name_en="Östergötland County Administrative Board",
        slug="lansstyrelsen-ostergotland",
        kind="region",
        country="SE",
    )
    residents = TargetGroup.objects.create(
        name_da="Beboere", name_sv="Boende", name_en="Residents", slug="residents"
    )
    home = Arena.objects.create(name_da="Hjemmet", name_sv="Hemmet", name_en="Home", slug="home")
    minutes = Source.objects.create(
        title_da="Referat af kredsrådsmøde",
        title_sv="Protokoll från kredsrådsmöte",
        title_en="Minutes of the district council meeting",
        slug="minutes",
        kind="minutes",
        publisher=organisation,
        year=2024,
        language="da",
    )
    method = add_page(
        sections["methods"]["SE"],
        MethodPage(
            title_da="Forstærkningsteams",
            title_sv="Förstärkningsteam",
            title_en="Reinforcement teams",
            slug_da="forstaerkningsteams",
            slug_sv="forstarkningsteam",
            slug_en="reinforcement-teams",
            summary_da="Socialtjenesten hjælper hurtigt.",
            summary_sv="Socialtjänsten hjälper snabbt.",
            summary_en="Social services help quickly.",
            what_it_is_en="A team that steps in within a day.",
            requirements_en="Two social workers on call.",
            country="SE",
            original_language="sv",
            themes=[theme],
        ),
    )
    danish = add_page(
        sections["programmes"]["DK"],
        ProgrammePage(
            title_da="Tryg i huset",
            title_sv="Trygg i huset",
            title_en="Safe at home",
            slug_da="tryg-i-huset",
            slug_sv="trygg-i-huset",
            slug_en="safe-at-home",
            summary_da="Politiet forebygger indbrud sammen med beboerne.",
            summary_sv="Polisen förebygger inbrott tillsammans med de boende.",
            summary_en="The police prevent burglaries together with residents.",
            implementation_en="One officer a day and leaflets.",
            country="DK",
            original_language="da",
            start_year=2018,
            end_year=2022,
            status="ended",
            prevention_approach="situational",
            prevention_level="primary",
            funding_amount=2500000,
            funding_currency="DKK",
            evidence_level=4,
            last_reviewed=datetime.date(2026, 11, 22),
            themes=[theme],
            target_groups=[residents],
            arenas=[home],
            areas=[denmark, region],
            methods=[method],
            partners=[
                ProgrammePartner(organisation=funder, role="funder"),
                ProgrammePartner(organisation=county_board, role="evaluator"),
                ProgrammePartner(organisation=organisation, role="lead"),
            ],
            goals=[ProgrammeGoal(text_en="Fewer burglaries.", indicator_en="Reported burglaries")],
            studies=[Study(citation="Jensen 2021", year=2021, design="before_after")],
            source_links=[PageSource(source=minutes, passage="Indbrud er faldende.")],
        ),
    )
    swedish = add_page(
        sections["programmes"]["SE"],
        ProgrammePage(
            title_da="Östergötland sammen mod kriminalitet",
            title_sv="Östergötland tillsammans mot brott",
            title_en="Östergötland together against crime",
            slug_da="ostergotland-sammen",
            slug_sv="ostergotland-tillsammans",
            slug_en="ostergotland-together",
            summary_da="Amtets fælles program for kriminalpræventivt samarbejde.",
            summary_sv="Länets gemensamma program för brottsförebyggande samverkan.",
            summary_en="",
            country="SE",
            original_language="sv",
            start_year=2022,
            end_year=2027,
            status="active",
            themes=[theme],
            areas=[county],
            partners=[ProgrammePartner(organisation=county_board, role="lead")],
        ),
    )
    return {"danish": danish, "swedish": swedish, "method": method}
