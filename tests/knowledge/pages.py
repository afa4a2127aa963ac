"""Builders of fully filled programme and method pages, as an editor would publish them."""

from django.utils import translation

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

LANGUAGES = ["da", "sv", "en"]


def trilingual(prefix, da, sv, en):
    return {f"{prefix}_da": da, f"{prefix}_sv": sv, f"{prefix}_en": en}


def slugs(base):
    return {f"slug_{lang}": f"{base}-{lang}" for lang in LANGUAGES}


def term(model, slug, da, sv, en, **fields):
    return model.objects.create(slug=slug, **trilingual("name", da, sv, en), **fields)


def add_page(parent, page, publish=True):
    """Add the page under `parent`; published, or saved as a draft that never went live."""
    if not publish:
        page.live = False
    with translation.override("da"):
        parent.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
    return type(page).objects.get(pk=page.pk)


def make_method(section, base="dialog", **fields):
    page = MethodPage(
        **slugs(base),
        **trilingual("title", "Dialogmøde", "Dialogmöte", "Dialogue meeting"),
        **trilingual(
            "summary",
            "Politiet mødes med borgerne om et lokalt problem.",
            "Polisen träffar medborgarna om ett lokalt problem.",
            "The police meet residents about a local problem.",
        ),
        **trilingual("what_it_is", "Et møde.", "Ett möte.", "A meeting."),
        country="DK",
        **fields,
    )
    return add_page(section, page)


def make_programme(section, methods=(), base="bo-trygt", **fields):
    """A Danish programme with every part of the page filled in, in three languages."""
    lead = term(
        Organisation,
        f"{base}-police",
        "Midt- og Vestjyllands Politi",
        "Polisen i Mittjylland",
        "Central and West Jutland Police",
        kind="police",
        country="DK",
    )
    partner = term(
        Organisation,
        f"{base}-herning",
        "Herning Kommune",
        "Herning kommun",
        "Herning Municipality",
        kind="municipality",
        country="DK",
    )
    funder = term(
        Organisation,
        f"{base}-trygfonden",
        "TrygFonden",
        "TrygFonden",
        "TrygFonden",
        kind="foundation",
        country="DK",
        website="https://example.org/trygfonden",
    )
    source = Source.objects.create(
        title="Referat af kredsrådsmøde",
        slug=f"{base}-minutes",
        kind="minutes",
        publisher=lead,
        year=2024,
        language="da",
    )
    defaults = {
        **slugs(base),
        **trilingual("title", "Bo Trygt", "Bo Tryggt", "Live Safely"),
        **trilingual(
            "summary",
            "Bo Trygt forebygger indbrud i danske hjem.",
            "Bo Tryggt förebygger inbrott i danska hem.",
            "Live Safely prevents burglary in Danish homes.",
        ),
        **trilingual("implementation", "Frivillige.", "Frivilliga.", "Volunteers."),
        "country": "DK",
        "original_language": "da",
        "start_year": 2022,
        "end_year": 2027,
        "status": ProgrammePage.Status.ACTIVE,
        "prevention_approach": ProgrammePage.Approach.SITUATIONAL,
        "evidence_level": EvidenceLevel.PROMISING,
        "funding_amount": 5000000,
        "funding_currency": "DKK",
    }
    page = ProgrammePage(**(defaults | fields))
    page.themes = [term(Theme, f"{base}-burglary", "Indbrud", "Inbrott", "Burglary")]
    page.areas = [
        term(
            Area,
            f"{base}-herning",
            "Herning",
            "Herning",
            "Herning",
            kind="municipality",
            country="DK",
        )
    ]
    page.target_groups = [term(TargetGroup, f"{base}-residents", "Beboere", "Boende", "Residents")]
    page.arenas = [term(Arena, f"{base}-home", "Hjemmet", "Hemmet", "The home")]
    page.methods = list(methods)
    page.partners = [
        ProgrammePartner(organisation=lead, role="lead"),
        ProgrammePartner(organisation=partner, role="partner"),
        ProgrammePartner(organisation=funder, role="funder"),
    ]
    page.goals = [
        ProgrammeGoal(
            **trilingual("text", "Færre indbrud", "Färre inbrott", "Fewer burglaries"),
            **trilingual("indicator", "Anmeldte indbrud", "Anmälda inbrott", "Reported burglaries"),
        )
    ]
    page.studies = [
        Study(
            citation="Evaluering af Bo Trygt",
            year=2024,
            design="before_after",
            **trilingual("finding", "Færre indbrud.", "Färre inbrott.", "Fewer burglaries."),
        )
    ]
    page.source_links = [
        PageSource(source=source, passage="Bo Trygt skal forebygge, at hjem udsættes for indbrud.")
    ]
    return add_page(section, page)
