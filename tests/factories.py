"""The one place that builds test data: pages, taxonomy terms, admin form data, index documents.

Test modules and conftests import their builders from here; no test imports a conftest. Fixtures
that use these builders live in the conftest of the package that needs them (the root conftest
for the ones several packages share).
"""

from django.conf import settings
from django.utils import translation
from django.utils.text import slugify
from elasticsearch import helpers
from wagtail.models import Page, Site
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from home.models import HomePage
from knowledge.demo_content.site_structure import ensure_editor_groups, ensure_sections
from knowledge.models import (
    Area,
    Arena,
    EvidenceLevel,
    ImplementationSite,
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
from search import indexing

LANGUAGES = ["da", "sv", "en"]


def trilingual(prefix, da, sv, en):
    """The field `prefix` in Danish, Swedish and English, as keyword arguments or form data."""
    return {f"{prefix}_da": da, f"{prefix}_sv": sv, f"{prefix}_en": en}


def slugs(base):
    """A slug per language, each different, so a URL tells which language served it."""
    return {f"slug_{lang}": f"{base}-{lang}" for lang in LANGUAGES}


def term(model, slug, da, sv, en, **fields):
    """A taxonomy term, organisation or other snippet named in three languages."""
    return model.objects.create(slug=slug, **trilingual("name", da, sv, en), **fields)


def add_home_page():
    """A trilingual home page as the root of the default site (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(
        instance=HomePage(
            title_da="Forside",
            title_sv="Startsida",
            title_en="Home",
            slug_da="forside",
            slug_sv="startsida",
            slug_en="home",
            intro_da="Forebyggelse på tværs af grænsen.",
            intro_sv="Brottsförebyggande över gränsen.",
            intro_en="Prevention across the border.",
        )
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


def add_sections(home):
    """The programme and method indexes below `home` with a Danish and a Swedish section each,
    and the editors' groups, as the demo content makes them."""

    def create(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    found = ensure_sections(home, create)
    ensure_editor_groups(found)
    return found


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


def programme(**fields):
    """An unsaved Danish programme with only what a page needs; `fields` add to it or override."""
    defaults = {
        "country": "DK",
        "original_language": "da",
        "summary_da": "Et kriminalpræventivt program.",
    }
    return ProgrammePage(**(defaults | fields))


def add_programme(section, **fields):
    """A published programme whose slugs (one per language) are made from its Danish title."""
    base = slugify(fields["title_da"], allow_unicode=True)
    return add_page(section, programme(**slugs(base) | fields))


#: The country a page written in each language comes from, for the single-language builders.
LANGUAGE_COUNTRY = {"da": "DK", "sv": "SE", "en": "DK"}


def add_single_language_programme(section, language, title, summary=None, publish=True, **fields):
    """A programme written in `language` only, as an editor of that country publishes it: its
    title, slug and summary in that language, every other language's left empty."""
    page = ProgrammePage(
        **{
            "original_language": language,
            "country": LANGUAGE_COUNTRY[language],
            f"title_{language}": title,
            f"slug_{language}": slugify(title, allow_unicode=True),
            f"summary_{language}": summary or title,
        }
        | fields
    )
    return add_page(section, page, publish)


def add_programmes(section, count, **fields):
    """More published programmes, for the tests that a listing's cost does not grow with them."""
    for number in range(count):
        add_programme(section, title_da=f"Program {number}", **fields)


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


def implementation_site(area, **fields):
    """An unsaved site where a programme ran, its lessons in Danish only (the page's original)."""
    defaults = {
        "start_year": 2019,
        "end_year": 2023,
        "organisation_name": "Linköpings kommun",
        "adapted_da": "Materialet blev oversat til svensk.",
        "learnt_da": "Skolerne skal med fra starten.",
        "contact_da": "Det kriminalpræventive råd",
    }
    return ImplementationSite(area=area, **(defaults | fields))


def programme_form(organisation, theme, **overrides):
    """The admin's "add programme" form, filled in the three languages as an editor would."""
    data = {
        **trilingual("title", "Tryg bolig", "Tryggt boende", "Safe home"),
        **trilingual("slug", "tryg-bolig", "tryggt-boende", "safe-home"),
        **trilingual(
            "summary",
            "Kommunen og politiet forebygger indbrud sammen.",
            "Kommunen och polisen förebygger inbrott tillsammans.",
            "The municipality and the police prevent burglary together.",
        ),
        **{
            f"description_{lang}": streamfield([("text", rich_text(f"<p>Tekst {lang}</p>"))])
            for lang in LANGUAGES
        },
        "goals": inline_formset(
            [trilingual("text", "Færre indbrud", "Färre inbrott", "Fewer burglaries")]
        ),
        "country": "DK",
        "status": "active",
        "start_year": "2020",
        "end_year": "2024",
        "partners": inline_formset([{"organisation": organisation.pk, "role": "lead"}]),
        "evidence_level": str(EvidenceLevel.NOT_EVALUATED.value),
        "studies": inline_formset([]),
        "external_ratings": inline_formset([]),
        "implementation_sites": inline_formset([]),
        "source_links": inline_formset([]),
        "original_language": "da",
    }
    data.update(overrides)
    return {**nested_form_data(data), "themes": [str(theme.pk)]}


#: Two robust studies of one programme, in two places, that found the intended effect.
TWO_ROBUST_STUDIES = [
    {
        "citation": "Andersen & Berg 2021",
        "year": "2021",
        "design": "quasi_experiment",
        "sms_level": "3",
        "place": "Herning",
        "outcome_da": "Anmeldte indbrud",
        "direction": "intended",
        "effect_size_da": "18 % færre",
    },
    {
        "citation": "Lind 2023",
        "year": "2023",
        "design": "rct",
        "sms_level": "5",
        "place": "Linköping",
        "outcome_da": "Anmeldte indbrud",
        "direction": "intended",
    },
]


def rating_form(level, studies, **emmie):
    """The evidence part of the page form: a level, its studies, and EMMIE texts and strengths
    (`emmie={"effect": ("text", "strong"), ...}`), as an editor fills them in Danish."""
    data = {
        "evidence_level": str(int(level)),
        "studies": inline_formset(studies),
    }
    for name, (text, strength) in emmie.items():
        data[f"emmie_{name}_da"] = text
        data[f"emmie_{name}_strength"] = strength
    return nested_form_data(data)


def create_url(section, model):
    """The admin URL that adds a page of `model` under `section`."""
    return f"/admin/pages/add/knowledge/{model._meta.model_name}/{section.pk}/"


def set_admin_language(user, language):
    """The language the admin interface speaks to this user."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


def document(pk, language, title, summary, **fields):
    """An index document written in one language only, as a page is before translation."""
    doc = {
        "_id": pk,
        "page_id": pk,
        "type": "programme",
        "original_language": language,
        "country": ["SE"] if language == "sv" else ["DK"],
        "evidence_level": 2,
        "status": "active",
        "last_published_at": f"2024-01-{pk:02d}T12:00:00+00:00",
        "suggest": [title],
    }
    for lang in LANGUAGES:
        own = lang == language
        doc |= {
            f"title_{lang}": title if own else "",
            f"summary_{lang}": summary if own else "",
            f"url_{lang}": f"/{lang}/programmes/{pk}/",
        }
    return doc | fields


def build_index(client, docs):
    """A fresh index behind the test's alias, holding exactly `docs`."""
    name = f"{settings.ELASTICSEARCH_INDEX}-1"
    indexing.create_index(name)
    client.indices.put_alias(index=name, name=settings.ELASTICSEARCH_INDEX)
    helpers.bulk(client, [{"_index": name, **doc} for doc in docs], refresh=True)
    return name
