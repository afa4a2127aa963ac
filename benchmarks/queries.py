"""The fixed query mix: what practitioners on both sides type, from the thesaurus and taxonomy.

Each query is `(language of the interface, text)`. Danish, Swedish and English words, words of
one country searched from the other (a Swede typing "indbrud"), multi-word phrases, and a few
misspellings. The filtered mix adds facet parameters of `search/params.py` to the same texts:
always a country (the one filter the Wagtail peers can apply too), and for the project also
themes, target groups, evidence and status.
"""

from urllib.parse import urlencode

TEXTS = [
    ("da", "indbrud"),
    ("da", "vold i nære relationer"),
    ("da", "hvidvask"),
    ("da", "børn og unge i risiko"),
    ("da", "narkotika"),
    ("da", "tryghed"),
    ("da", "hærværk"),
    ("da", "indbrudd"),
    ("sv", "inbrott"),
    ("sv", "våld i nära relationer"),
    ("sv", "penningtvätt"),
    ("sv", "ungdomsbrottslighet"),
    ("sv", "klotter"),
    ("sv", "trygghet"),
    ("sv", "bedrägeri mot äldre"),
    ("sv", "ungdomsbrotslighet"),
    ("en", "burglary"),
    ("en", "money laundering"),
    ("en", "youth crime"),
    ("en", "domestic violence"),
    ("en", "drug buyers"),
    ("en", "online fraud"),
    # Across the border: the neighbour's word for the same thing.
    ("sv", "indbrud"),
    ("da", "inbrott"),
    ("da", "penningtvätt"),
    ("sv", "hvidvask"),
    ("en", "ungdomskriminalitet"),
    ("da", "skadegörelse"),
]

#: Filters for the filtered mix, used in turn: (country, the project's other facets).
FILTERS = [
    ("SE", {"themes": "burglary"}),
    ("DK", {"target_groups": "children-and-young-people"}),
    ("SE", {"evidence_level": "5"}),
    ("DK", {"themes": "drugs", "status": "active"}),
    ("DK", {}),
    ("SE", {"arenas": "school"}),
]


def ours(filtered=False):
    """Paths of the project's JSON search API for the mix."""
    paths = []
    for i, (language, text) in enumerate(TEXTS):
        params = {"q": text, "lang": language}
        if filtered:
            country, others = FILTERS[i % len(FILTERS)]
            params |= {"country": country, **others}
        paths.append(f"/api/search/?{urlencode(params)}")
    return paths


def peer(backend, filtered=False):
    """Paths of a Wagtail peer's search view for the same mix (country filter only)."""
    paths = []
    for i, (language, text) in enumerate(TEXTS):
        params = {"q": text, "lang": language}
        if filtered:
            params["country"] = FILTERS[i % len(FILTERS)][0]
        paths.append(f"/bench/peer/{backend}/?{urlencode(params)}")
    return paths


def search_pages():
    """The HTML search page for the same texts (the page-rendering figures)."""
    return [f"/{language}/search/?{urlencode({'q': text})}" for language, text in TEXTS]


ENGINES = {
    "ours": ours,
    "wagtail-db": lambda filtered=False: peer("database", filtered),
    "wagtail-es": lambda filtered=False: peer("elasticsearch", filtered),
}
