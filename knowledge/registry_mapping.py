"""The registries Bro maps onto its scale, each label with its level and the reasoning.

Loaded into `Registry` and `RegistryLabel` by a data migration; from then on the rows are edited
in the admin (Taxonomy > Registries). Kept here as the first version, with the reasons, so the
mapping is reviewable in one place. Levels are `EvidenceLevel` values: 0 harmful, 1 no effect,
2 not yet evaluated, 3 theory-based, 4 promising, 5 effective, 6 effective and replicated.
"""

#: (name, slug, web address, [(label, level, reasoning), ...])
REGISTRIES = [
    (
        "CrimeSolutions",
        "crimesolutions",
        "https://crimesolutions.ojp.gov/",
        [
            (
                "Effective",
                5,
                "Two reviewers score the evidence on a published instrument; strong "
                "evidence of the intended outcome, which may rest on a single rigorous study.",
            ),
            (
                "Promising",
                4,
                "Some evidence of the intended outcome; the design or the number of "
                "studies does not settle it.",
            ),
            (
                "No Effects",
                1,
                "Strong evidence that it did not achieve its outcomes. CrimeSolutions "
                "also uses this label for harmful effects: an editor sets 'Harmful' where "
                "the study shows harm.",
            ),
        ],
    ),
    (
        "Blueprints for Healthy Youth Development",
        "blueprints",
        "https://www.blueprintsprograms.org/",
        [
            (
                "Model Plus",
                6,
                "Model, and at least one high-quality replication by an independent team.",
            ),
            (
                "Model",
                6,
                "Two randomised trials, or one and a quasi-experiment, with a sustained "
                "effect: robust and replicated.",
            ),
            (
                "Promising",
                5,
                "One randomised trial or two quasi-experiments of high quality: a robust "
                "design found the effect, which is our 'Effective', whatever the word.",
            ),
        ],
    ),
    (
        "Xchange (EUDA)",
        "xchange",
        "https://www.euda.europa.eu/best-practice/xchange_en",
        [
            ("Beneficial", 6, "Rated from systematic reviews and robust trials in several places."),
            (
                "Likely to be beneficial",
                4,
                "Evidence points to an effect but is not yet robust or consistent.",
            ),
            (
                "Additional studies recommended",
                2,
                "Not enough evaluation to say; closest to 'not yet evaluated'.",
            ),
            ("Possibly harmful", 0, "A warning is kept as a warning."),
        ],
    ),
    (
        "EIF Guidebook",
        "eif",
        "https://guidebook.eif.org.uk/",
        [
            (
                "Level 4",
                6,
                "At least two rigorous evaluations (randomised or quasi-experimental) "
                "with a positive effect.",
            ),
            (
                "Level 3",
                5,
                "One rigorous evaluation (randomised or quasi-experimental) with a "
                "positive effect.",
            ),
            (
                "Level 2",
                4,
                "Preliminary evidence: a positive effect in a study that cannot show "
                "cause and effect.",
            ),
            ("NL2", 2, "Not yet at level 2: no evaluation that meets the EIF's lowest threshold."),
            ("Found not to be effective", 1, "A rigorous evaluation found no benefit."),
        ],
    ),
    (
        "Grüne Liste Prävention",
        "gruene-liste",
        "https://www.gruene-liste-praevention.de/",
        [
            (
                "Effektivität nachgewiesen",
                5,
                "Level 3 of the list: at least one study with a comparison group found the effect.",
            ),
            (
                "Effektivität wahrscheinlich",
                4,
                "Level 2: evidence of an effect from weaker designs.",
            ),
            (
                "Effektivität theoretisch gut begründet",
                3,
                "Level 1: a well-founded theory, no measured effect; our 'theory-based'.",
            ),
        ],
    ),
    (
        "Crime Reduction Toolkit (College of Policing)",
        "crime-reduction-toolkit",
        "https://www.college.police.uk/research/crime-reduction-toolkit",
        [
            (
                "Overall, reduced crime",
                5,
                "Rated from systematic reviews, which may pool weak "
                "studies: 'Effective', with the toolkit's EMMIE strength recorded beside it.",
            ),
            (
                "Overall, some studies reduced crime and some increased it",
                4,
                "Mixed: at least one study points to an effect, the whole is not settled.",
            ),
            ("Overall, no impact on crime", 1, "The reviews found no effect."),
            ("Overall, increased crime", 0, "The reviews found it made crime worse."),
        ],
    ),
    (
        "Vidensportalen (Social- og Boligstyrelsen)",
        "vidensportalen",
        "https://vidensportal.dk/",
        [
            ("Positiv effekt", 5, "Studies with a comparison found the intended effect."),
            ("Blandet effekt", 4, "Some studies found an effect, others did not."),
            ("Ingen effekt", 1, "Studies found no effect."),
            ("Negativ effekt", 0, "Studies found it made things worse."),
        ],
    ),
    (
        "Metodguiden (Socialstyrelsen)",
        "metodguiden",
        "https://www.socialstyrelsen.se/kunskapsstod-och-regler/omraden/evidensbaserad-praktik/metodguiden/",
        [
            ("Fördelaktig effekt", 5, "The reviewed studies found the intended effect."),
            ("Ingen effekt", 1, "The reviewed studies found no difference."),
            ("Ofördelaktig effekt", 0, "The reviewed studies found harm."),
            (
                "Otillräckligt vetenskapligt underlag",
                2,
                "Not enough research to say; closest to 'not yet evaluated'.",
            ),
        ],
    ),
]
