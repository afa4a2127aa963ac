"""A rebuild reads relations as rows and URLs from each section's URL; the documents stay the same.

The reference below builds a document the plain way, from model instances and Wagtail's
`get_url()` per page and language, and none of the indexing module's helpers: the fast path must
give exactly the same document.
"""

import datetime

import pytest
from django.utils import translation
from django.utils.html import strip_tags
from wagtail.rich_text import RichText

from knowledge.models import (
    Area,
    CountrySectionPage,
    ExternalRating,
    ImplementationSite,
    MethodPage,
    ProgrammeIndexPage,
    ProgrammePage,
    RegistryLabel,
)
from search.indexing import documents, page_to_document
from tests.factories import LANGUAGES, add_programme

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content_of_the_module")]


def block_text(stream):
    """The description's text read through the blocks' Python values."""
    parts = []
    for block in stream or []:
        if block.block_type == "text":
            parts.append(strip_tags(block.value.source))
        elif block.block_type == "quote":
            parts += [block.value["text"], block.value["attribution"]]
        elif block.block_type == "figures":
            parts += [f"{item['figure']} {item['label']}" for item in block.value]
    return "\n".join(part for part in parts if part)


#: The texts of a page that are searched as its body, besides the description and goals.
BODY_FIELDS = {
    ProgrammePage: ["funding_note", "implementation", "evidence_note", "contact"],
    MethodPage: ["what_it_is", "mechanism", "when_to_use", "requirements", "evidence_note"],
}


def countries(page):
    """A page for both countries is found under each."""
    return ["DK", "SE"] if page.country == "BOTH" else [page.country]


def prevention(page):
    """The approach ("both" is social and situational) and the level, whichever are set."""
    both = page.prevention_approach == "both"
    approaches = ["social", "situational"] if both else [page.prevention_approach]
    return [value for value in [*approaches, page.prevention_level] if value]


def years(page):
    """Every year the programme runs, to this year when it has no end."""
    if not page.start_year:
        return []
    end = page.end_year or max(datetime.date.today().year, page.start_year)
    return list(range(page.start_year, end + 1))


def names(terms, language):
    return [getattr(term, f"name_{language}") or term.name for term in terms]


def site_areas(page):
    """The areas of the page's sites, each followed by the areas it is part of, each once."""
    found = []
    for site in page.implementation_sites.order_by("sort_order", "pk"):
        area = site.area
        while area is not None and area not in found:
            found.append(area)
            area = area.parent
    return found


def reference_document(page):
    """The document as model instances and `get_url()` give it, one query at a time."""
    is_programme = isinstance(page, ProgrammePage)
    themes = list(page.themes.all())
    doc = {
        "_id": page.pk,
        "page_id": page.pk,
        "type": "programme" if is_programme else "method",
        "original_language": page.original_language,
        "country": countries(page),
        "evidence_level": page.evidence_level,
        "last_published_at": page.last_published_at,
        "themes": [term.slug for term in themes],
        "suggest": [t for t in (getattr(page, f"title_{lang}") for lang in LANGUAGES) if t],
        "site_areas": [area.slug for area in site_areas(page)],
        "registries": list(
            dict.fromkeys(
                rating.registry_label.registry.slug
                for rating in sorted(
                    page.external_ratings.exclude(registry_label=None),
                    key=lambda rating: rating.registry_label.registry.name,
                )
            )
        ),
        "cost_band": page.cost_band or None,
        "effect_strength": page.emmie_effect_strength or None,
    }
    tagged = [themes]
    if is_programme:
        organisations = [
            partner.organisation for partner in page.partners.order_by("sort_order", "pk")
        ]
        tagged += [page.target_groups.all(), page.arenas.all(), page.areas.all(), organisations]
        doc |= {
            "areas": [area.slug for area in page.areas.all()],
            "target_groups": [term.slug for term in page.target_groups.all()],
            "arenas": [term.slug for term in page.arenas.all()],
            "prevention": prevention(page),
            "status": page.status,
            "organisations": sorted({org.slug for org in organisations}),
            "years": years(page),
        }
    tagged.append(site_areas(page))
    for language in LANGUAGES:
        with translation.override(language):
            url = page.get_url()
        body = [getattr(page, f"{name}_{language}") or "" for name in BODY_FIELDS[type(page)]]
        if is_programme:
            body.insert(0, block_text(getattr(page, f"description_{language}")))
            body += [
                getattr(goal, f"text_{language}") or ""
                for goal in page.goals.order_by("sort_order", "pk")
            ]
            body += [getattr(m, f"title_{language}") or "" for m in page.methods.all()]
        doc |= {
            f"title_{language}": getattr(page, f"title_{language}") or "",
            f"summary_{language}": getattr(page, f"summary_{language}") or "",
            f"url_{language}": url,
            f"body_{language}": "\n".join(text for text in body if text),
            f"tags_{language}": [name for terms in tagged for name in names(terms, language)],
        }
    return doc


@pytest.fixture
def demo_pages():
    """The demo site's pages, and a Swedish programme without English in the current format."""
    programmes = ProgrammeIndexPage.objects.get()
    untranslated = add_programme(
        CountrySectionPage.objects.child_of(programmes).get(country="SE"),
        title_da="Trygge gårde",
        title_sv="Trygga gårdar",
        summary_da="Beboere og politi.",
        country="SE",
    )
    untranslated.slug_sv, untranslated.slug_en = "trygga-gårdar", ""
    # Saved through the blocks, so the key figures are stored in the current list format
    # (the demo content stores plain lists).
    untranslated.description_da = [
        ("text", RichText("<p>Beboerne <b>kender</b> hinanden.</p>")),
        ("quote", {"text": "Nu hilser vi på hinanden.", "attribution": "En beboer"}),
        ("figures", [{"figure": "12", "label": "gårde"}, {"figure": "3", "label": "år"}]),
    ]
    # Where it has run (a municipality, then its county: the county once) and who rated it.
    untranslated.implementation_sites = [
        ImplementationSite(area=Area.objects.get(slug=slug))
        for slug in ("haninge", "stockholms-lan")
    ]
    untranslated.external_ratings = [
        ExternalRating(registry_label=RegistryLabel.objects.filter(registry__slug=slug).first())
        for slug in ("xchange", "crimesolutions")
    ]
    untranslated.cost_band, untranslated.emmie_effect_strength = "medium", "limited"
    with translation.override("da"):
        untranslated.save_revision().publish()
    pages = [*ProgrammePage.objects.live(), *MethodPage.objects.live()]
    assert len(pages) > 20
    return pages


def test_a_rebuild_builds_the_reference_document_of_every_page(demo_pages):
    built = {doc["_id"]: doc for doc in documents()}
    assert set(built) == {page.pk for page in demo_pages}
    for page in demo_pages:
        assert built[page.pk] == reference_document(page), page.title_da


def test_a_page_alone_gets_the_same_document_as_in_a_rebuild(demo_pages):
    built = {doc["_id"]: doc for doc in documents()}
    for page in demo_pages:
        assert page_to_document(page) == built[page.pk]


def test_the_description_text_is_read_in_either_list_format(demo_pages):
    built = {doc["_id"]: doc for doc in documents()}
    page = next(page for page in demo_pages if page.title_da == "Trygge gårde")
    assert built[page.pk]["site_areas"] == ["haninge", "stockholms-lan", "sweden"]
    assert built[page.pk]["registries"] == ["crimesolutions", "xchange"]
    assert built[page.pk]["body_da"].startswith(
        "Beboerne kender hinanden.\nNu hilser vi på hinanden.\nEn beboer\n12 gårde\n3 år"
    )
    stored_plain = [
        block["value"][0]
        for other in demo_pages
        if isinstance(other, ProgrammePage) and other is not page
        for block in other.description_da.raw_data
        if block["type"] == "figures"
    ]
    assert stored_plain and all("label" in item for item in stored_plain)


def test_a_page_url_has_the_slug_of_its_language_or_the_danish_one(demo_pages):
    built = {doc["_id"]: doc for doc in documents()}
    page = next(page for page in demo_pages if page.title_da == "Trygge gårde")
    assert built[page.pk]["url_sv"].endswith("/trygga-g%C3%A5rdar/")
    assert built[page.pk]["url_en"].endswith("/trygge-g%C3%A5rde-da/")
