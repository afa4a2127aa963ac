"""How strong the evidence behind a programme or method is, on one scale for both countries.

Danish and Swedish bodies rate prevention work in different words; the common ordered scale lets
a reader compare them, and external ratings keep the original registry's label beside ours.

A level is a claim, so it must agree with the studies behind it: `LEVEL_REQUIREMENTS` says what
each level needs on the Maryland Scientific Methods Scale, how many studies and places, and what
they found. The admin form refuses a level its studies do not meet, and the public "How we
rate" page prints the same table, so the rule an editor meets is the rule a reader is told.
"""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from base.languages import LANGUAGES


class EvidenceLevel(models.IntegerChoices):
    """Ordered from worst to best, so sorting by the number sorts by strength of evidence."""

    HARMFUL = 0, _("Harmful")
    NO_EFFECT = 1, _("No effect")
    NOT_EVALUATED = 2, _("Not yet evaluated")
    THEORY_BASED = 3, _("Theory-based")
    PROMISING = 4, _("Promising")
    EFFECTIVE = 5, _("Effective")
    EFFECTIVE_REPLICATED = 6, _("Effective and replicated")

    @property
    def explanation(self):
        return EVIDENCE_EXPLANATIONS[self]

    @classmethod
    def needs_study(cls, level):
        """Levels from "promising" up are claims about effect and must name a study."""
        return level is not None and int(level) >= cls.PROMISING


EVIDENCE_EXPLANATIONS = {
    EvidenceLevel.HARMFUL: _(
        "Studies found that it made things worse. It should not be used in this form."
    ),
    EvidenceLevel.NO_EFFECT: _("Studies found no measurable effect on what it set out to change."),
    EvidenceLevel.NOT_EVALUATED: _(
        "No evaluation of its effect is known yet. That does not mean it does not work."
    ),
    EvidenceLevel.THEORY_BASED: _(
        "It builds on an explained mechanism and research about similar work, "
        "but its own effect has not been measured."
    ),
    EvidenceLevel.PROMISING: _(
        "At least one study points to an effect, but the design cannot rule out other causes."
    ),
    EvidenceLevel.EFFECTIVE: _(
        "A robust study (for example with a comparison group) found the intended effect."
    ),
    EvidenceLevel.EFFECTIVE_REPLICATED: _(
        "Several robust studies, in more than one place, found the intended effect."
    ),
}


class MarylandScale(models.IntegerChoices):
    """The Maryland Scientific Methods Scale: how well a design rules out other causes."""

    CORRELATION = 1, _("1 – a correlation at one point in time")
    BEFORE_AFTER = 2, _("2 – before and after, without a comparison group")
    COMPARISON = 3, _("3 – before and after, with a comparison group")
    CONTROLLED = 4, _("4 – several comparison groups, other causes controlled for")
    RANDOMISED = 5, _("5 – random assignment to the programme or not")


#: From this design up a study is "robust": it has a comparison group.
ROBUST_DESIGN = MarylandScale.COMPARISON


class Direction(models.TextChoices):
    """What a study found for one outcome."""

    INTENDED = "intended", _("The intended effect")
    NONE = "none", _("No effect")
    MIXED = "mixed", _("Mixed results")
    HARMFUL = "harmful", _("Harm: the opposite of the intended effect")


class EvidenceStrength(models.TextChoices):
    """How strong the evidence is for one EMMIE dimension (the Crime Reduction Toolkit's idea)."""

    LIMITED = "limited", _("Limited")
    MODERATE = "moderate", _("Moderate")
    STRONG = "strong", _("Strong")


#: The EMMIE framework's dimensions: (field name, label).
EMMIE_DIMENSIONS = [
    ("effect", _("Effect")),
    ("mechanism", _("Mechanism")),
    ("moderators", _("Moderators")),
    ("implementation", _("Implementation")),
    ("economic", _("Economic cost")),
]


@dataclass(frozen=True)
class StudyFacts:
    """What the level rule reads of a study: its design, its finding and where it was done."""

    design: int | None
    direction: str
    place: str


@dataclass(frozen=True)
class Requirement:
    """What a level needs: `studies` studies of at least `design` (None: any) finding one of
    `directions` (empty: anything), in at least `places` different places."""

    studies: int
    places: int
    design: int | None
    directions: tuple
    text: str

    def qualifying(self, studies):
        return [
            study
            for study in studies
            if (self.design is None or (study.design or 0) >= self.design)
            and (not self.directions or study.direction in self.directions)
        ]

    def met_by(self, studies):
        qualifying = self.qualifying(studies)
        places = {study.place.strip().casefold() for study in qualifying if study.place.strip()}
        return len(qualifying) >= self.studies and (self.places <= 1 or len(places) >= self.places)


LEVEL_REQUIREMENTS = {
    EvidenceLevel.HARMFUL: Requirement(
        1,
        1,
        MarylandScale.BEFORE_AFTER,
        (Direction.HARMFUL,),
        _(
            "at least one study, before and after or better (Maryland 2 or higher), "
            "that found harm."
        ),
    ),
    EvidenceLevel.NO_EFFECT: Requirement(
        1,
        1,
        ROBUST_DESIGN,
        (Direction.NONE,),
        _("at least one robust study (Maryland 3 or higher) that found no effect."),
    ),
    EvidenceLevel.PROMISING: Requirement(1, 1, None, (), _("at least one study, of any design.")),
    EvidenceLevel.EFFECTIVE: Requirement(
        1,
        1,
        ROBUST_DESIGN,
        (Direction.INTENDED,),
        _("at least one robust study (Maryland 3 or higher) that found the intended effect."),
    ),
    EvidenceLevel.EFFECTIVE_REPLICATED: Requirement(
        2,
        2,
        ROBUST_DESIGN,
        (Direction.INTENDED,),
        _(
            "at least two robust studies (Maryland 3 or higher), in at least two places, "
            "that found the intended effect."
        ),
    ),
}


def unmet_requirement(level, studies):
    """The requirement of `level` that these `StudyFacts` do not meet, or None."""
    requirement = LEVEL_REQUIREMENTS.get(level)
    if requirement is None or requirement.met_by(studies):
        return None
    return requirement


def rating_summary(studies):
    """The best design, the number of robust studies and of places, from `StudyFacts`."""
    designs = [study.design for study in studies if study.design]
    return {
        "best_design": max(designs, default=None),
        "robust_studies": sum(design >= ROBUST_DESIGN for design in designs),
        "places": len({study.place.strip().casefold() for study in studies if study.place.strip()}),
    }


def rating_facts(studies):
    """`rating_summary` of Study rows, with the best design's label, for the page and compare."""
    summary = rating_summary([study.facts for study in studies])
    best = summary["best_design"]
    return summary | {"best_design_label": MarylandScale(best).label if best else ""}


class StudyDesign(models.TextChoices):
    RANDOMISED_TRIAL = "rct", _("Randomised controlled trial")
    QUASI_EXPERIMENT = "quasi_experiment", _("Quasi-experiment")
    BEFORE_AFTER = "before_after", _("Before-and-after study")
    PROCESS_EVALUATION = "process", _("Process evaluation")
    QUALITATIVE = "qualitative", _("Qualitative study")
    SYSTEMATIC_REVIEW = "review", _("Systematic review")


class EvidenceFields(models.Model):
    """The evidence fields that programme and method pages share."""

    evidence_level = models.PositiveSmallIntegerField(
        _("evidence level"),
        choices=EvidenceLevel.choices,
        default=EvidenceLevel.NOT_EVALUATED,
    )
    evidence_note = models.TextField(
        _("about the evidence"),
        blank=True,
        help_text=_("In plain words: what is known about the effect, and how."),
    )
    emmie_effect = models.TextField(_("effect"), blank=True)
    emmie_effect_strength = models.CharField(
        _("strength of evidence on the effect"),
        max_length=10,
        choices=EvidenceStrength.choices,
        blank=True,
    )
    emmie_mechanism = models.TextField(_("mechanism"), blank=True)
    emmie_mechanism_strength = models.CharField(
        _("strength of evidence on the mechanism"),
        max_length=10,
        choices=EvidenceStrength.choices,
        blank=True,
    )
    emmie_moderators = models.TextField(
        _("moderators"), blank=True, help_text=_("Where, and for whom, it works or does not.")
    )
    emmie_moderators_strength = models.CharField(
        _("strength of evidence on the moderators"),
        max_length=10,
        choices=EvidenceStrength.choices,
        blank=True,
    )
    emmie_implementation = models.TextField(_("implementation"), blank=True)
    emmie_implementation_strength = models.CharField(
        _("strength of evidence on the implementation"),
        max_length=10,
        choices=EvidenceStrength.choices,
        blank=True,
    )
    emmie_economic = models.TextField(_("economic cost"), blank=True)
    emmie_economic_strength = models.CharField(
        _("strength of evidence on the economic cost"),
        max_length=10,
        choices=EvidenceStrength.choices,
        blank=True,
    )

    emmie_panels = [
        FieldRowPanel([FieldPanel(f"emmie_{name}"), FieldPanel(f"emmie_{name}_strength")])
        for name, _label in EMMIE_DIMENSIONS
    ]

    class Meta:
        abstract = True

    @property
    def evidence(self):
        return EvidenceLevel(self.evidence_level)

    def emmie_profile(self):
        """The EMMIE dimensions an editor has filled: `[{"field", "label", "strength"}]`."""
        profile = []
        for name, label in EMMIE_DIMENSIONS:
            strength = getattr(self, f"emmie_{name}_strength")
            texts = [getattr(self, f"emmie_{name}_{code}", "") for code in LANGUAGES]
            if strength or any(texts):
                strength_label = EvidenceStrength(strength).label if strength else ""
                profile.append(
                    {"field": f"emmie_{name}", "label": label, "strength": strength_label}
                )
        return profile


class Study(Orderable):
    """A study of a programme or method; required from the level "promising" up."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="studies")
    citation = models.CharField(_("citation"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    design = models.CharField(_("design"), max_length=20, choices=StudyDesign.choices)
    sms_level = models.PositiveSmallIntegerField(
        _("Maryland scale"),
        choices=MarylandScale.choices,
        null=True,
        blank=True,
        help_text=_("How well the design rules out other causes, from 1 to 5."),
    )
    place = models.CharField(
        _("place"), max_length=255, blank=True, help_text=_("Where the study was done.")
    )
    outcome = models.CharField(_("outcome measured"), max_length=255, blank=True)
    direction = models.CharField(
        _("what it found"), max_length=10, choices=Direction.choices, blank=True
    )
    effect_size = models.CharField(
        _("size of the effect"),
        max_length=255,
        blank=True,
        help_text=_("Where known, for example “18 % fewer reported burglaries”."),
    )
    finding = models.TextField(_("finding"), blank=True)
    url = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("citation"),
        FieldRowPanel([FieldPanel("year"), FieldPanel("place")]),
        FieldRowPanel([FieldPanel("design"), FieldPanel("sms_level")]),
        FieldPanel("outcome"),
        FieldRowPanel([FieldPanel("direction"), FieldPanel("effect_size")]),
        FieldPanel("finding"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self):
        return self.citation

    @property
    def facts(self):
        return StudyFacts(self.sms_level, self.direction, self.place)


class ExternalRating(Orderable):
    """A rating from another registry, with the registry's own label; the label's row in the
    registries list (`registry_label`) gives the level on our scale it maps to."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="external_ratings"
    )
    registry_label = models.ForeignKey(
        "knowledge.RegistryLabel",
        verbose_name=_("registry and label"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="ratings",
        help_text=_("From the registries list, which maps each label onto our scale."),
    )
    registry = models.CharField(
        _("registry"),
        max_length=100,
        blank=True,
        help_text=_("Only for a registry that is not in the list."),
    )
    label = models.CharField(_("rating as the registry words it"), max_length=255, blank=True)
    rated_on = models.DateField(_("date of rating"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("registry_label"),
        FieldRowPanel([FieldPanel("registry"), FieldPanel("label")]),
        FieldPanel("rated_on"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("external rating")
        verbose_name_plural = _("external ratings")

    def __str__(self):
        return f"{self.registry_name}: {self.label_text}"

    def clean(self):
        super().clean()
        if not self.registry_label_id and not (self.registry and self.label):
            raise ValidationError(
                {
                    "registry_label": _(
                        "Choose the registry’s label, or type the registry and label."
                    )
                }
            )

    @property
    def registry_name(self):
        return str(self.registry_label.registry) if self.registry_label_id else self.registry

    @property
    def label_text(self):
        return self.registry_label.label if self.registry_label_id else self.label

    @property
    def mapped_level(self):
        """Our level for the registry's label, or None for a registry not in the list."""
        return EvidenceLevel(self.registry_label.level) if self.registry_label_id else None
