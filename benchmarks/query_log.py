"""An honest query log: thousands of distinct searches, repeated as real traffic repeats them.

The fixed mix of `queries.py` (28 texts in turn) repeats every few seconds, so a cache meets
the same search again and again, which no real visitor would cause. This log draws searches
from the whole vocabulary (`search/thesaurus.csv`, and the taxonomy's names, places included)
the way people search: a word in the interface's language most often, the neighbour's word
(a Dane typing "inbrott"), English from a Scandinavian interface, two words or a word and a
place, a typo, a word typed without its diacritics; and some with filters. The distinct
searches are ranked by how often they come up, and the requests are drawn from them Zipf-like
(the k-th most common search 1/k as often as the first), so the popular searches repeat and
the long tail is met once or not at all. The same seed gives the same log; every engine is
sent the same log (the Wagtail peers only the country of its filters, the one they can apply).
"""

import random
import tomllib
import unicodedata
from pathlib import Path
from urllib.parse import urlencode

from .vocabulary import LANGUAGES, read_concepts, zipf_weights

TAXONOMY = Path(__file__).resolve().parent.parent / "knowledge/demo_content/taxonomy.toml"
#: Distinct searches drawn before ranking, and requests in the log.
CANDIDATES = 6_000
REQUESTS = 30_000
#: The forms a search takes, with how often each is typed.
FORMS = {
    "own word": 45,
    "neighbour's word": 15,
    "English word": 5,
    "two words": 10,
    "word and place": 8,
    "typo": 9,
    "no diacritics": 8,
}
INTERFACE = {"da": 48, "sv": 42, "en": 10}
NEIGHBOUR = {"da": "sv", "sv": "da", "en": "da"}
#: Share of searches with filters, and the filters people pick (facet, values).
FILTERED_SHARE = 0.3
FILTERS = {
    "themes": ["burglary", "youth-crime", "drugs", "violence-in-close-relations", "insecurity"],
    "target_groups": ["children-and-young-people", "residents", "families-with-children"],
    "status": ["active"],
    "evidence_level": ["4", "5"],
    "arenas": ["school", "public-space", "local-community"],
}


def read_taxonomy():
    return tomllib.loads(TAXONOMY.read_text(encoding="utf-8"))


def without_diacritics(text):
    """As typed on a keyboard without å, ä, æ, ö, ø: the letter without its mark."""
    text = text.replace("æ", "ae").replace("ø", "o").replace("Æ", "Ae").replace("Ø", "O")
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def with_typo(text, rng):
    """One slip of the finger in a word of four letters or more: a letter left out, doubled or
    swapped with the next."""
    positions = [i for i, char in enumerate(text) if char.isalpha()][1:-1]
    if len(positions) < 3:
        return text
    i = rng.choice(positions)
    slip = rng.choice(["drop", "double", "swap"])
    if slip == "drop":
        return text[:i] + text[i + 1 :]
    if slip == "double":
        return text[:i] + text[i] + text[i:]
    return text[:i] + text[i + 1] + text[i] + text[i + 2 :]


class Searches:
    """Draws one search at a time from the vocabulary."""

    def __init__(self, rng):
        self.rng = rng
        self.concepts = read_concepts()
        self.weights = zipf_weights(len(self.concepts))
        taxonomy = read_taxonomy()
        self.places = [area["name"] for area in taxonomy["areas"] if area["kind"] != "country"]

    def concept(self):
        return self.rng.choices(self.concepts, weights=self.weights)[0]

    def word(self, language):
        return self.concept().word(language, self.rng)

    def one(self):
        rng = self.rng
        language = rng.choices(list(INTERFACE), weights=INTERFACE.values())[0]
        form = rng.choices(list(FORMS), weights=FORMS.values())[0]
        if form == "neighbour's word":
            text = self.word(NEIGHBOUR[language])
        elif form == "English word":
            text = self.word("en")
        elif form == "two words":
            text = f"{self.word(language)} {self.word(language)}"
        elif form == "word and place":
            place = rng.choice(self.places)
            text = f"{self.word(language)} {place.get(language) or place['da']}"
        elif form == "typo":
            text = with_typo(self.word(language), rng)
        elif form == "no diacritics":
            text = without_diacritics(self.word(language))
        else:
            text = self.word(language)
        filters = {}
        if rng.random() < FILTERED_SHARE:
            filters["country"] = rng.choice(["DK", "SE"])
            if rng.random() < 0.6:
                facet = rng.choice(list(FILTERS))
                filters[facet] = rng.choice(FILTERS[facet])
        return language, text.lower() if rng.random() < 0.8 else text, tuple(filters.items())


def query_log(seed=6):
    """`(distinct, requests)`: the distinct searches, most common first, and the log of
    requests drawn from them (each a `(language, text, filters)`)."""
    rng = random.Random(seed)
    searches = Searches(rng)
    counts = {}
    for _ in range(CANDIDATES):
        search = searches.one()
        counts[search] = counts.get(search, 0) + 1
    # The most often drawn first; among equals, the first drawn (dict order is stable).
    distinct = sorted(counts, key=lambda search: -counts[search])
    requests = rng.choices(distinct, weights=zipf_weights(len(distinct), 0.8), k=REQUESTS)
    return distinct, requests


def ours(requests):
    """Paths of the project's JSON search API for the log."""
    return [
        f"/api/search/?{urlencode({'q': text, 'lang': language, **dict(filters)})}"
        for language, text, filters in requests
    ]


def peer(backend, requests):
    """The same log for a Wagtail peer's search view: the country filter only."""
    paths = []
    for language, text, filters in requests:
        params = {"q": text, "lang": language}
        if "country" in dict(filters):
            params["country"] = dict(filters)["country"]
        paths.append(f"/bench/peer/{backend}/?{urlencode(params)}")
    return paths


ENGINES = {
    "ours": ours,
    "wagtail-db": lambda requests: peer("database", requests),
    "wagtail-es": lambda requests: peer("elasticsearch", requests),
}
assert set(LANGUAGES) == set(INTERFACE)
