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
    ExternalRating,
    ImplementationSite,
    MethodPage,
    Organisation,
    PageSource,
    ProgrammeGoal,
    ProgrammePage,
    ProgrammePartner,
    RegistryLabel,
    Source,
    Study,
    TargetGroup,
    Theme,
)
from knowledge.models.review import RatingRecord, Role
from tests.factories import add_page, programme, slugs, term, trilingual


@pytest.fixture
def organisation():
    return term(
        Organisation,
        "mvjp",
        "Midt- og Vestjyllands Politi",
        "Midt- og Vestjyllands polis",
        "Central and West Jutland Police",
        kind="police",
        country="DK",
    )


@pytest.fixture
def theme():
    return term(Theme, "burglary", "Indbrud", "Inbrott", "Burglary")


@pytest.fixture
def ostergotland(db):
    return term(
        Area,
        "ostergotland",
        "Østergötland",
        "Östergötland",
        "Östergötland",
        kind="county",
        country="SE",
    )


@pytest.fixture
def demo_content(db):
    """Every programme and method of the seed documents, published (knowledge/demo_content)."""
    call_command("load_demo_content", stdout=io.StringIO())


@pytest.fixture
def open_data_pages(sections, theme, organisation, ostergotland):
    """A fully described Swedish programme (no English), a method, and what must stay hidden.

    The programme is rated (its own fixture: the demo content stays "not yet evaluated"): two
    studies in two places, an EMMIE profile, a cost, a site whose contact names a person, a
    CrimeSolutions rating and one by a registry not in the list, and an earlier rating in its
    history. The method is not rated.

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
                sms_level=2,
                place="Linköping",
                outcome_sv="Anmälda inbrott",
                direction="intended",
                effect_size_sv="18 % färre",
                finding_sv="Färre anmälda inbrott efter två år.",
            ),
            Study(
                citation="Berg, Grannar och brott, 2024",
                year=2024,
                design="quasi_experiment",
                sms_level=3,
                place="Norrköping",
                outcome_da="Utryghed",
                outcome_sv="Otrygghet",
                direction="mixed",
            ),
        ],
        emmie_effect_sv="Färre inbrott i två av tre kommuner.",
        emmie_effect_strength="moderate",
        emmie_mechanism_da="Naboer holder øje.",
        emmie_mechanism_sv="Grannar håller uppsikt.",
        emmie_mechanism_strength="limited",
        cost_band="medium",
        cost_unit="site",
        cost_amount=Decimal(250000),
        cost_currency="SEK",
        cost_year=2024,
        staffing_sv="En samordnare på halvtid per kommun.",
        licence_sv="Fri att använda.",
        readiness="with_support",
        implementation_sites=[
            ImplementationSite(
                area=ostergotland,
                start_year=2022,
                organisation_name="Linköpings kommun",
                adapted_sv="Materialet kortades.",
                learnt_sv="Skolorna måste vara med från början.",
                contact_sv="Anna Andersson, 013-20 00 00",
                contact_url="https://example.se/anna-andersson",
            )
        ],
        external_ratings=[
            ExternalRating(
                registry_label=RegistryLabel.objects.get(
                    registry__slug="crimesolutions", label="Promising"
                ),
                rated_on=datetime.date(2025, 5, 1),
            ),
            ExternalRating(registry="Länsregistret", label="Lovande"),
        ],
        source_links=[PageSource(source=source, passage="Samverkan mot brott i hela länet.")],
    )
    swedish = add_page(sections["programmes"]["SE"], swedish)
    # As if an editor had rated it and an evidence reviewer approved (test_rating goes through
    # the workflow itself), after an earlier rating.
    RatingRecord.objects.filter(page=swedish).update(
        rated_by=Role.EDITOR, reviewed_by=Role.EVIDENCE_REVIEWER
    )
    RatingRecord.objects.create(
        page=swedish,
        evidence_level=EvidenceLevel.THEORY_BASED,
        rated_at=datetime.datetime(2023, 1, 10, tzinfo=datetime.UTC),
        rated_by=Role.EDITOR,
        reviewed_at=datetime.datetime(2023, 1, 12, tzinfo=datetime.UTC),
        reviewed_by=Role.EVIDENCE_REVIEWER,
    )
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
    denmark = term(Area, "dk", "Danmark", "Danmark", "Denmark", kind="country", country="DK")
    region = term(
        Area,
        "region-midt",
        "Region Midtjylland",
        "Region Midtjylland",
        "Central Denmark Region",
        kind="region",
        country="DK",
    )
    county = term(
        Area,
        "ostergotland",
        "Östergötlands län",
        "Östergötlands län",
        "Östergötland County",
        kind="county",
        country="SE",
    )
    funder = term(
        Organisation,
        "trygfonden",
        "TrygFonden",
        "TrygFonden",
        "TrygFonden",
        kind="foundation",
        country="DK",
    )
    county_board = term(
        Organisation,
        "lansstyrelsen-ostergotland",
        "Länsstyrelsen Östergötland",
        "Länsstyrelsen Östergötland",
        "Östergötland County Administrative Board",
        kind="region",
        country="SE",
    )
    residents = term(TargetGroup, "residents", "Beboere", "Boende", "Residents")
    home = term(Arena, "home", "Hjemmet", "Hemmet", "Home")
    minutes = Source.objects.create(
        **trilingual(
            "title",
            "Referat af kredsrådsmøde",
            "Protokoll från kredsrådsmöte",
            "Minutes of the district council meeting",
        ),
        slug="minutes",
        kind="minutes",
        publisher=organisation,
        year=2024,
        language="da",
    )
    method = add_page(
        sections["methods"]["SE"],
        MethodPage(
            **trilingual("title", "Forstærkningsteams", "Förstärkningsteam", "Reinforcement teams"),
            **trilingual("slug", "forstaerkningsteams", "forstarkningsteam", "reinforcement-teams"),
            **trilingual(
                "summary",
                "Socialtjenesten hjælper hurtigt.",
                "Socialtjänsten hjälper snabbt.",
                "Social services help quickly.",
            ),
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
            **trilingual("title", "Tryg i huset", "Trygg i huset", "Safe at home"),
            **trilingual("slug", "tryg-i-huset", "trygg-i-huset", "safe-at-home"),
            **trilingual(
                "summary",
                "Politiet forebygger indbrud sammen med beboerne.",
                "Polisen förebygger inbrott tillsammans med de boende.",
                "The police prevent burglaries together with residents.",
            ),
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
            **trilingual(
                "title",
                "Östergötland sammen mod kriminalitet",
                "Östergötland tillsammans mot brott",
                "Östergötland together against crime",
            ),
            **trilingual(
                "slug", "ostergotland-sammen", "ostergotland-tillsammans", "ostergotland-together"
            ),
            **trilingual(
                "summary",
                "Amtets fælles program for kriminalpræventivt samarbejde.",
                "Länets gemensamma program för brottsförebyggande samverkan.",
                "",
            ),
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


@pytest.fixture
def export_root(settings, tmp_path):
    """The export files of this test only, in its own folder."""
    settings.OPEN_DATA_EXPORT_ROOT = tmp_path / "open-data"
    return settings.OPEN_DATA_EXPORT_ROOT
