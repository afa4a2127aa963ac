"""The words the benchmark corpus is written with: the project's own taxonomy and thesaurus.

Every generated page is about concepts of `search/thesaurus.csv` and terms of the taxonomy in
`knowledge/demo_content/taxonomy.toml` (loaded into the database by the demo-content loader),
each in its Danish, Swedish and English words, so the corpus has the vocabulary, the languages
and the cross-border synonyms that real pages and real queries have.
"""

import csv
from dataclasses import dataclass

from base.languages import LANGUAGES
from search.thesaurus import CSV_PATH


@dataclass(frozen=True)
class Concept:
    """A thesaurus concept: its key and its words per language (the first is the usual one)."""

    key: str
    terms: dict

    def word(self, language, rng):
        """One of the concept's words in `language`, the usual one most often."""
        words = self.terms[language]
        return words[0] if len(words) == 1 or rng.random() < 0.7 else rng.choice(words[1:])


def read_concepts(path=CSV_PATH):
    """Every thesaurus concept that has words in all three languages."""
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    concepts = []
    for row in rows:
        terms = {lang: [t.strip() for t in row[lang].split("|") if t.strip()] for lang in LANGUAGES}
        if all(terms.values()):
            concepts.append(Concept(row["concept"], terms))
    return concepts


def zipf_weights(count, exponent=1.0):
    """Weights 1/rank: a few concepts are common, most are rare, as in real text."""
    return [1 / (rank + 1) ** exponent for rank in range(count)]
