"""The Danish–Swedish–English thesaurus: from the repository's CSV to the database to the index.

`thesaurus.csv` is the starting vocabulary. A data migration loads it, so it reaches the database
with the tables themselves, before any page can be published and any index built; editors then
keep it in the admin (ThesaurusConcept), and every index build takes its rules from there.
The index's search analyzers carry it as a synonym filter. An edit queues a rebuild, which builds
a new index with the new thesaurus and swaps the alias: search never stops answering.
"""

import csv
from pathlib import Path

from base.languages import LANGUAGES
from knowledge.models import Area, Arena, TargetGroup, Theme

from .folding import variants
from .models import TERM_SEPARATOR, ThesaurusConcept

CSV_PATH = Path(__file__).resolve().parent / "thesaurus.csv"
#: The taxonomy's own DA/SV/EN names are synonyms of each other too.
LABELLED_MODELS = [Theme, TargetGroup, Arena, Area]


def load_csv(path=CSV_PATH, model=ThesaurusConcept):
    """Add the concepts of the CSV that the database lacks; concepts editors changed stay.

    `model` is the migration's historical model when the data migration calls it.
    """
    with open(path, encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    existing = set(model.objects.values_list("concept", flat=True))
    new = [
        model(concept=row["concept"], **{f"terms_{lang}": row[lang] for lang in LANGUAGES})
        for row in rows
        if row["concept"] not in existing
    ]
    model.objects.bulk_create(new)
    return len(new)


def clean_term(term):
    """Commas and arrows are rule syntax for Elasticsearch; a term must not carry them."""
    for mark in (",", "=>", "#", TERM_SEPARATOR):
        term = term.replace(mark, " ")
    return " ".join(term.lower().split())


def synonym_rules():
    """The thesaurus as synonym rules ("indbrud, inbrott, burglary"): concepts, then taxonomy.

    A term with "æ" also stands in its rule spelled with "a" (`search.folding.variants`).
    """
    groups = [
        [clean_term(term) for term in concept.terms()] for concept in ThesaurusConcept.objects.all()
    ]
    for model in LABELLED_MODELS:
        for term in model.objects.all():
            groups.append([clean_term(getattr(term, f"name_{lang}") or "") for lang in LANGUAGES])
    rules = []
    for group in groups:
        spelled = [spelling for term in group for spelling in (term, *variants(term))]
        terms = list(dict.fromkeys(term for term in spelled if term))
        if len(terms) > 1:
            rules.append(", ".join(terms))
    return rules


def terms_in(language):
    """Every term of one language: the concepts', then the taxonomy's names, cleaned."""
    terms = [
        clean_term(term)
        for value in ThesaurusConcept.objects.values_list(f"terms_{language}", flat=True)
        for term in value.split(TERM_SEPARATOR)
    ]
    for model in LABELLED_MODELS:
        names = model.objects.values_list(f"name_{language}", flat=True)
        terms += [clean_term(name or "") for name in names]
    return [term for term in terms if term]
