"""Where each kind of public page lives on the demo site, per language.

Shared by the browser tests and `make screenshots`, so both look at the same pages. The paths are
read from the database after the demo content is loaded, never written out by hand, so a renamed
slug cannot leave a test checking a 404 by mistake.
"""

from django.urls import reverse
from django.utils import translation

from knowledge.models import (
    CountrySectionPage,
    MethodIndexPage,
    MethodPage,
    ProgrammeIndexPage,
    ProgrammePage,
)

LANGUAGES = ["da", "sv", "en"]

#: Demo pages that stand for their kind: a Swedish programme with goals, partners, evidence and
#: sources, and a Danish method; the other two are compared with the first.
PROGRAMME = "Östergötland tillsammans mot brott"
COMPARED_PROGRAMMES = [PROGRAMME, "Bo Trygt", "Cooperation on people with mental illness"]
METHOD = "Problem-oriented method"

#: A query in each language that finds results in both countries (so the facets have values).
SEARCH_QUERIES = {
    "da": "kriminalpræventivt samarbejde",
    "sv": "brottsförebyggande samverkan",
    "en": "crime prevention partnership",
}
NO_RESULTS_QUERY = "qwxzvjk"
#: The overview's two-area view: a Danish police district beside a Swedish county.
TWO_AREAS = "area=midt-og-vestjylland&area=ostergotlands-lan"


def programme(title_en):
    return ProgrammePage.objects.live().get(title_en=title_en)


def page_paths(language):
    """The path of every kind of public page in `language`, keyed by a short name."""
    programmes = ProgrammeIndexPage.objects.live().get()
    with translation.override(language):
        paths = {
            "home": programmes.get_parent().specific.get_url(),
            "programme-index": programmes.get_url(),
            "country-section": CountrySectionPage.objects.child_of(programmes)
            .get(country="SE")
            .get_url(),
            "programme": programme(PROGRAMME).get_url(),
            "method-index": MethodIndexPage.objects.live().get().get_url(),
            "method": MethodPage.objects.live().get(title_en=METHOD).get_url(),
            "search": f"{reverse('search')}?q={SEARCH_QUERIES[language]}",
            "search-no-results": f"{reverse('search')}?q={NO_RESULTS_QUERY}",
            "not-found": f"/{language}/no-such-page/",
        }
        ids = ",".join(str(programme(title).pk) for title in COMPARED_PROGRAMMES)
        paths["compare"] = f"/{language}/compare/?ids={ids}"
        paths["overview"] = f"/{language}/overview/"
        paths["overview-two-areas"] = f"/{language}/overview/?{TWO_AREAS}"
    return paths
