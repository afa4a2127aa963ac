"""Sentences in Danish, Swedish and English about a generated programme or method.

Each function takes the same choices (concepts, taxonomy terms, numbers) and returns the text in
all three languages, so a page's translations say the same thing, as an editor's would.
"""

from .vocabulary import LANGUAGES


def lower_first(text):
    """Taxonomy names start with a capital; inside a sentence they do not (proper names do)."""
    return text[:1].lower() + text[1:] if text[:2].islower() or text[1:2].islower() else text


def join_words(words, language):
    last = {"da": "og", "sv": "och", "en": "and"}[language]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {last} {words[-1]}"


def name(term, language):
    return getattr(term, f"name_{language}") or term.name_da


def per_language(make):
    return {language: make(language) for language in LANGUAGES}


def programme_title(words, area):
    """`words[lang]` are the main concept's words; the area names where it runs."""
    forms = {
        "da": "{w} i {a}",
        "sv": "{w} i {a}",
        "en": "{w} in {a}",
    }
    return per_language(
        lambda lang: forms[lang].format(w=words[lang].capitalize(), a=name(area, lang))
    )


def method_title(words, arena):
    forms = {"da": "{w} – metode i {a}", "sv": "{w} – metod i {a}", "en": "{w} – a method for {a}"}
    return per_language(
        lambda lang: forms[lang].format(
            w=words[lang].capitalize(), a=lower_first(name(arena, lang))
        )
    )


def programme_summary(leads, words, group, area, year):
    forms = {
        "da": "{o} arbejder med {w} for {g} i {a} siden {y}.",
        "sv": "{o} arbetar med {w} för {g} i {a} sedan {y}.",
        "en": "{o} work on {w} for {g} in {a} since {y}.",
    }
    return per_language(
        lambda lang: forms[lang].format(
            o=join_words([name(o, lang) for o in leads], lang),
            w=join_words(words[lang], lang),
            g=lower_first(name(group, lang)),
            a=name(area, lang),
            y=year,
        )
    )


def programme_description(words, arena, theme, figure):
    """Paragraphs for the description's text block, plus a key figure's label."""
    forms = {
        "da": (
            "Indsatsen retter sig mod {w0} i {ar}. Målet er mindre {w1} og mere tryghed, "
            "og arbejdet hører under temaet {t}. Erfaringerne deles med naboerne på den "
            "anden side af Øresund.",
            "personer nået",
        ),
        "sv": (
            "Insatsen riktar sig mot {w0} i {ar}. Målet är mindre {w1} och mer trygghet, "
            "och arbetet hör till temat {t}. Erfarenheterna delas med grannarna på andra "
            "sidan Öresund.",
            "personer nådda",
        ),
        "en": (
            "The work is aimed at {w0} in {ar}. The goal is less {w1} and a greater sense "
            "of safety, under the theme {t}. The experience is shared with the neighbours "
            "across the Øresund.",
            "people reached",
        ),
    }
    result = {}
    for lang in LANGUAGES:
        text, label = forms[lang]
        paragraph = text.format(
            w0=words[lang][0],
            w1=words[lang][-1],
            ar=lower_first(name(arena, lang)),
            t=lower_first(name(theme, lang)),
        )
        result[lang] = [
            {"type": "text", "value": f"<p>{paragraph}</p>"},
            {"type": "figures", "value": [{"figure": f"{figure:,}", "label": label}]},
        ]
    return result


def goal(words, area, percent):
    forms = {
        "da": ("Færre tilfælde af {w} i {a}", "Antal anmeldelser", "{p} % færre"),
        "sv": ("Färre fall av {w} i {a}", "Antal anmälningar", "{p} % färre"),
        "en": ("Fewer cases of {w} in {a}", "Number of reported offences", "{p}% fewer"),
    }
    fields = {}
    for lang in LANGUAGES:
        text, indicator, target = forms[lang]
        fields[f"text_{lang}"] = text.format(w=words[lang], a=name(area, lang))
        fields[f"indicator_{lang}"] = indicator
        fields[f"target_{lang}"] = target.format(p=percent)
    return fields


def implementation(words, staff):
    forms = {
        "da": "Kræver {n} medarbejdere med uddannelse i {w} og et fast samarbejde med kommunen.",
        "sv": "Kräver {n} medarbetare med utbildning i {w} och en fast samverkan med kommunen.",
        "en": "Needs {n} staff trained in {w} and standing cooperation with the municipality.",
    }
    return per_language(lambda lang: forms[lang].format(n=staff, w=words[lang]))


def evidence_note(words, level_labels):
    forms = {
        "da": "Effekten på {w} er vurderet som: {l}.",
        "sv": "Effekten på {w} har bedömts som: {l}.",
        "en": "The effect on {w} has been rated: {l}.",
    }
    return per_language(lambda lang: forms[lang].format(w=words[lang], l=level_labels[lang]))


def contact(organisation):
    forms = {
        "da": "Forebyggelsesenheden hos {o}",
        "sv": "Enheten för brottsförebyggande arbete hos {o}",
        "en": "The prevention unit of {o}",
    }
    return per_language(lambda lang: forms[lang].format(o=name(organisation, lang)))


def method_texts(words, arena, group):
    """What it is, the mechanism, when to use it and what it takes, in every language."""
    forms = {
        "da": (
            "En struktureret måde at arbejde med {w0} i {ar} på.",
            "Når {g} mødes tidligt og af de samme voksne, falder risikoen for {w1}.",
            "Når {w0} og {w1} optræder sammen i et område.",
            "Uddannede medarbejdere, supervision og et fast samarbejde på tværs af sektorer.",
        ),
        "sv": (
            "Ett strukturerat sätt att arbeta med {w0} i {ar}.",
            "När {g} möts tidigt och av samma vuxna minskar risken för {w1}.",
            "När {w0} och {w1} förekommer tillsammans i ett område.",
            "Utbildad personal, handledning och en fast samverkan mellan sektorer.",
        ),
        "en": (
            "A structured way of working with {w0} in {ar}.",
            "When {g} are reached early and by the same adults, the risk of {w1} falls.",
            "When {w0} and {w1} occur together in an area.",
            "Trained staff, supervision and standing cooperation across sectors.",
        ),
    }
    fields = {}
    for lang in LANGUAGES:
        values = {
            "w0": words[lang][0],
            "w1": words[lang][-1],
            "ar": lower_first(name(arena, lang)),
            "g": lower_first(name(group, lang)),
        }
        for field, text in zip(
            ("what_it_is", "mechanism", "when_to_use", "requirements"), forms[lang], strict=True
        ):
            fields[f"{field}_{lang}"] = text.format(**values)
    return fields


def study(organisation, title, year, words):
    citation = f"{organisation.name_da} ({year}). Evaluering: {title}"
    forms = {
        "da": ("Anmeldt {w}", "Færre anmeldelser i indsatsområdet end i sammenligningsområdet."),
        "sv": ("Anmäld {w}", "Färre anmälningar i insatsområdet än i jämförelseområdet."),
        "en": ("Reported {w}", "Fewer reports in the target area than in the comparison area."),
    }
    fields = {"citation": citation[:500], "year": year}
    for lang in LANGUAGES:
        outcome, finding = forms[lang]
        fields[f"outcome_{lang}"] = outcome.format(w=words[lang])[:255]
        fields[f"finding_{lang}"] = finding
    return fields


def passage(words, language):
    forms = {
        "da": "Der er iværksat en indsats mod {w}.",
        "sv": "En insats mot {w} har inletts.",
        "en": "Work against {w} has started.",
    }
    return forms[language].format(w=words[language])
