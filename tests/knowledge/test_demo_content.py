"""The demo content: every programme and method named in the seed documents, in three languages."""

import io

import pytest
from django.core.management import call_command

from knowledge.models import MethodPage, Organisation, PageSource, ProgrammePage, Source

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("demo_content_of_the_module")]

SEED_PROGRAMMES = [
    "Nærhed og tryghed",
    "Det lokale politiarbejde",
    "Den mobile politistation i Midt- og Vestjylland",
    "Bestil en betjent",
    "Tryghedsopfølgning",
    "Borgerrådgivning",
    "Afdelingen Forebyggelse, Nærhed og Tryghed",
    "Online forebyggelse via webinar",
    "Køberne af euforiserende stoffer: sigtelse og tilbud om misbrugsbehandling",
    "Forebyggelseskonferencen 2024 i Midt- og Vestjyllands Politi",
    "En barndom uden vold i familien",
    "Bo Trygt",
    "Samarbejde om borgere med psykiske lidelser",
    "Salg af Puff bars ved skoler og bekymring for posefester",
    "Mulige prioriterede indsatsområder i samarbejdsplanen 2025",
    "Brottsförebyggande forum 2024",
    "Östergötland tillsammans mot brott",
    "Tillsammans mot brott",
]
SEED_METHODS = [
    "Problemorienteret metode",
    "Den mobile politistation",
    "Dialogmøde med borgerne",
    "Forstærkningsteams i socialforvaltningen",
    "Vidensbaseret kriminalpræventivt arbejde",
]


def snapshot():
    return {
        "programmes": sorted(ProgrammePage.objects.values_list("pk", "title_da")),
        "methods": sorted(MethodPage.objects.values_list("pk", "title_da")),
        "organisations": Organisation.objects.count(),
        "sources": Source.objects.count(),
        "links": PageSource.objects.count(),
    }


def test_running_the_command_twice_gives_the_same_pages():
    before = snapshot()
    call_command("load_demo_content", stdout=io.StringIO())
    assert snapshot() == before


@pytest.mark.parametrize(
    ("model", "titles"), [(ProgrammePage, SEED_PROGRAMMES), (MethodPage, SEED_METHODS)]
)
def test_every_seed_item_is_live_with_title_and_summary_in_three_languages(model, titles):
    for title in titles:
        page = model.objects.get(title_da=title)
        assert page.live, title
        for lang in ("da", "sv", "en"):
            assert getattr(page, f"title_{lang}"), (title, lang)
            assert len(getattr(page, f"summary_{lang}")) > 40, (title, lang)


def test_every_seed_page_links_to_the_document_it_came_from():
    for page in [*ProgrammePage.objects.all(), *MethodPage.objects.all()]:
        links = list(page.source_links.select_related("source"))
        assert links, page.title_da
        assert all(link.source.document.endswith(".txt") for link in links)


def test_the_seed_facts_are_kept():
    ostergotland = ProgrammePage.objects.get(title_sv="Östergötland tillsammans mot brott")
    assert (ostergotland.start_year, ostergotland.end_year) == (2022, 2027)
    partner_kinds = {p.organisation.kind for p in ostergotland.partners.all()}
    assert {
        "municipality",
        "region",
        "police",
        "prison_probation",
        "rescue_service",
        "university",
    } <= partner_kinds
    barndom = ProgrammePage.objects.get(title_da="En barndom uden vold i familien")
    funders = [p.organisation.name_da for p in barndom.partners.filter(role="funder")]
    assert any("Ole Kirk" in name for name in funders)
    webinar = ProgrammePage.objects.get(title_en="Online prevention by webinar")
    assert "2500" in webinar.summary_da.replace(".", "").replace(" ", "")


def test_seed_programmes_are_placed_in_their_country_section():
    swedish = ProgrammePage.objects.get(title_sv="Tillsammans mot brott")
    assert swedish.get_parent().specific.country == "SE"
    danish = ProgrammePage.objects.get(title_da="Bo Trygt")
    assert danish.get_parent().specific.country == "DK"
