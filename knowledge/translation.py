"""Everything text-like in the knowledge model, in Danish, Swedish and English.

modeltranslation adds `<field>_da`, `<field>_sv` and `<field>_en` columns for each field here;
the bare attribute reads the active language with fallback to the others.
"""

from modeltranslation.decorators import register
from modeltranslation.translator import TranslationOptions

from . import models


@register(models.Theme)
@register(models.TargetGroup)
@register(models.Arena)
@register(models.Organisation)
@register(models.Area)
class NameTranslation(TranslationOptions):
    fields = ("name",)


@register(models.Source)
class SourceTranslation(TranslationOptions):
    fields = ("title",)


@register(models.ProgrammeIndexPage)
@register(models.MethodIndexPage)
@register(models.CountrySectionPage)
class IndexPageTranslation(TranslationOptions):
    fields = ("intro",)


#: The EMMIE texts and the implementation block, which programmes and methods share.
RATING_AND_IMPLEMENTATION = (
    "emmie_effect",
    "emmie_mechanism",
    "emmie_moderators",
    "emmie_implementation",
    "emmie_economic",
    "staffing",
    "training",
    "materials",
    "licence",
    "fidelity",
)


@register(models.ProgrammePage)
class ProgrammePageTranslation(TranslationOptions):
    fields = (
        "summary",
        "description",
        "funding_note",
        "implementation",
        "evidence_note",
        "contact",
        *RATING_AND_IMPLEMENTATION,
    )


@register(models.MethodPage)
class MethodPageTranslation(TranslationOptions):
    fields = (
        "summary",
        "what_it_is",
        "mechanism",
        "when_to_use",
        "requirements",
        "evidence_note",
        *RATING_AND_IMPLEMENTATION,
    )


@register(models.ProgrammeGoal)
class ProgrammeGoalTranslation(TranslationOptions):
    fields = ("text", "indicator", "target")


@register(models.Study)
class StudyTranslation(TranslationOptions):
    fields = ("outcome", "effect_size", "finding")


@register(models.ImplementationSite)
class ImplementationSiteTranslation(TranslationOptions):
    fields = ("adapted", "learnt", "contact")


@register(models.RegistryLabel)
class RegistryLabelTranslation(TranslationOptions):
    fields = ("reasoning",)
