"""Sentences in Danish, Swedish and English about a generated programme or method.

Each function takes the same choices (concepts, taxonomy terms, places, numbers) and returns the
text in all three languages, so a page's translations say the same thing, as an editor's would.
The titles, summaries and descriptions are drawn from several forms each (the same form in every
language of a page), with a varying number of sentences, so that pages differ in wording and
length the way pages written by different editors do, not only in the words filled in.
"""

from .vocabulary import LANGUAGES

#: Towns and neighbourhoods a programme is about, by country: proper names, the same in every
#: language, most of them not taxonomy areas (a page names more places than it is filed under).
PLACES = {
    "DK": [
        "Aarhus", "Odense", "Aalborg", "Esbjerg", "Vejle", "Roskilde", "Helsingør", "Holbæk",
        "Næstved", "Slagelse", "Kolding", "Horsens", "Randers", "Viborg", "Silkeborg", "Herning",
        "Nørrebro", "Vollsmose", "Gellerup", "Tingbjerg", "Brøndby Strand", "Ishøj",
        "Albertslund", "Høje-Taastrup", "Svendborg", "Frederikshavn", "Hjørring", "Sønderborg",
    ],
    "SE": [
        "Malmö", "Lund", "Helsingborg", "Landskrona", "Trelleborg", "Ystad", "Kristianstad",
        "Hässleholm", "Göteborg", "Uppsala", "Örebro", "Västerås", "Norrköping", "Linköping",
        "Rosengård", "Seved", "Tensta", "Rinkeby", "Husby", "Gottsunda", "Araby",
        "Biskopsgården", "Hammarkullen", "Skäggetorp", "Eslöv", "Höör", "Kävlinge", "Sjöbo",
    ],
}  # fmt: skip
#: Names projects are given, the same in every language.
PROJECT_NAMES = [
    "Tryg Havn", "Nattravnene", "Trygga Vägar", "Nabolaget", "Brobygget", "Fristed",
    "Sikker Start", "Vändpunkten", "Nystart", "Gadeplan", "Kompasset", "Ankaret", "Broen",
    "Stigen", "Fyrtårnet", "Grannsamverkan Plus", "Tidlig Tryghed", "Framtidsvägen", "Puls",
    "Mødestedet", "Öppna Dörrar", "Kvarterskraft", "Ung Vej", "Trappan", "Lyset",
]  # fmt: skip
HOW_OFTEN = {
    "da": ["hver uge", "hver anden uge", "en gang om måneden", "i weekenderne", "hver aften"],
    "sv": ["varje vecka", "varannan vecka", "en gång i månaden", "på helgerna", "varje kväll"],
    "en": ["every week", "every other week", "once a month", "at weekends", "every evening"],
}


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


def pick(rng, forms):
    """One form's index, the same for every language of a page."""
    return rng.randrange(len(forms["da"]))


PROGRAMME_TITLES = {
    "da": [
        "{W} i {a}",
        "{O}: {w} i {p}",
        "Fælles indsats mod {w} i {p}",
        "{W} – et samarbejde mellem {O} og {O2}",
        "{N}: {w} blandt {g}",
        "Forebyggelse af {w} for {g}",
        "{W} og {w2} i {p}",
        "Tidlig indsats mod {w} i {ar}",
        "{N} – {w} i {p}",
        "Mindre {w} i {p}",
    ],
    "sv": [
        "{W} i {a}",
        "{O}: {w} i {p}",
        "Gemensam insats mot {w} i {p}",
        "{W} – ett samarbete mellan {O} och {O2}",
        "{N}: {w} bland {g}",
        "Förebyggande av {w} för {g}",
        "{W} och {w2} i {p}",
        "Tidig insats mot {w} i {ar}",
        "{N} – {w} i {p}",
        "Mindre {w} i {p}",
    ],
    "en": [
        "{W} in {a}",
        "{O}: {w} in {p}",
        "A joint effort against {w} in {p}",
        "{W} – a partnership of {O} and {O2}",
        "{N}: {w} among {g}",
        "Preventing {w} for {g}",
        "{W} and {w2} in {p}",
        "Early action on {w} in {ar}",
        "{N} – {w} in {p}",
        "Less {w} in {p}",
    ],
}


def programme_title(words, area, rng, scene):
    """`words[lang]` are the page's concepts' words; `scene` its organisations, place, group,
    arena and project name (see `scene_values`)."""
    form = pick(rng, PROGRAMME_TITLES)
    return per_language(
        lambda lang: capitalise(
            PROGRAMME_TITLES[lang][form].format(
                **scene_values(words, scene, lang), a=name(area, lang)
            )
        )
    )


def capitalise(text):
    return text[:1].upper() + text[1:]


def scene_values(words, scene, lang):
    """The values a sentence is written with, in one language."""
    return {
        "w": words[lang][0],
        "W": words[lang][0].capitalize(),
        "w2": words[lang][-1],
        "O": name(scene["organisations"][0], lang),
        "O2": name(scene["organisations"][1], lang),
        "p": scene["place"],
        "p2": scene["other_place"],
        "g": lower_first(name(scene["group"], lang)),
        "ar": lower_first(name(scene["arena"], lang)),
        "N": scene["project"],
        "y": scene["year"],
        "n": scene["reached"],
        "f": HOW_OFTEN[lang][scene["how_often"]],
    }


METHOD_TITLES = {
    "da": [
        "{W} – metode i {ar}",
        "{W} i {ar}",
        "Struktureret arbejde med {w}",
        "{W}: sådan arbejder man med {g}",
        "Samtaler om {w} med {g}",
        "{W} og {w2} – en arbejdsmodel",
    ],
    "sv": [
        "{W} – metod i {ar}",
        "{W} i {ar}",
        "Strukturerat arbete med {w}",
        "{W}: så arbetar man med {g}",
        "Samtal om {w} med {g}",
        "{W} och {w2} – en arbetsmodell",
    ],
    "en": [
        "{W} – a method for {ar}",
        "{W} in {ar}",
        "Structured work on {w}",
        "{W}: how to work with {g}",
        "Talking about {w} with {g}",
        "{W} and {w2} – a working model",
    ],
}


def method_title(words, arena, rng, scene):
    form = pick(rng, METHOD_TITLES)
    scene = {**scene, "arena": arena}
    return per_language(
        lambda lang: capitalise(
            METHOD_TITLES[lang][form].format(**scene_values(words, scene, lang))
        )
    )


SUMMARY_SENTENCES = {
    "da": [
        "{O} arbejder med {w} for {g} i {p} siden {y}.",
        "Indsatsen blev sat i gang i {y} efter en stigning i {w} i {p}.",
        "Målgruppen er {g}, som mødes {f} i {ar}.",
        "Arbejdet bygger på erfaringer fra {p2} og er udviklet sammen med {O2}.",
        "{O} og {O2} står sammen om indsatsen, der især handler om {w} og {w2}.",
        "Siden starten har indsatsen nået {n} personer.",
        "Der lægges vægt på {w2}, fordi det ofte går forud for {w}.",
        "Frivillige og fagfolk mødes {f} for at følge op.",
    ],
    "sv": [
        "{O} arbetar med {w} för {g} i {p} sedan {y}.",
        "Insatsen startade {y} efter en ökning av {w} i {p}.",
        "Målgruppen är {g}, som träffas {f} i {ar}.",
        "Arbetet bygger på erfarenheter från {p2} och har tagits fram tillsammans med {O2}.",
        "{O} och {O2} står tillsammans bakom insatsen, som framför allt handlar om {w} och {w2}.",
        "Sedan starten har insatsen nått {n} personer.",
        "Tyngdpunkten ligger på {w2}, eftersom det ofta föregår {w}.",
        "Frivilliga och yrkesverksamma träffas {f} för att följa upp.",
    ],
    "en": [
        "{O} work on {w} for {g} in {p} since {y}.",
        "The work began in {y} after a rise in {w} in {p}.",
        "It is for {g}, who meet {f} in {ar}.",
        "It builds on experience from {p2} and was developed with {O2}.",
        "{O} and {O2} run it together, above all on {w} and {w2}.",
        "Since it started it has reached {n} people.",
        "The stress is on {w2}, since it often comes before {w}.",
        "Volunteers and professionals meet {f} to follow up.",
    ],
}


def sentences(rng, forms, count):
    """`count` different sentence forms, in an order of their own."""
    return rng.sample(range(len(forms["da"])), count)


#: The summary's sentences that can open it: they say what the programme is about.
OPENING_SENTENCES = [0, 1, 4]


def programme_summary(words, scene, rng):
    """One to three sentences: what, who and where, in a form and order of the page's own."""
    first = rng.choice(OPENING_SENTENCES)
    rest = [i for i in range(len(SUMMARY_SENTENCES["da"])) if i != first]
    chosen = [first, *rng.sample(rest, rng.choice([0, 1, 1, 2]))]
    return per_language(
        lambda lang: " ".join(
            SUMMARY_SENTENCES[lang][i].format(**scene_values(words, scene, lang)) for i in chosen
        )
    )


def programme_description(words, arena, theme, figure, rng=None, scene=None):
    """Paragraphs for the description's text block, plus a key figure's label; with `rng` and
    `scene`, a few more sentences of the summary's forms after the first paragraph."""
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
    extra = sentences(rng, SUMMARY_SENTENCES, rng.randint(0, 4)) if rng is not None else []
    for lang in LANGUAGES:
        text, label = forms[lang]
        paragraph = text.format(
            w0=words[lang][0],
            w1=words[lang][-1],
            ar=lower_first(name(arena, lang)),
            t=lower_first(name(theme, lang)),
        )
        more = ""
        if rng is not None:
            values = scene_values(words, scene, lang)
            more = " ".join(SUMMARY_SENTENCES[lang][i].format(**values) for i in extra)
        result[lang] = [
            {"type": "text", "value": f"<p>{paragraph}</p>" + (f"<p>{more}</p>" if more else "")},
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
