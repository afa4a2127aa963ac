"""How strong the evidence behind a programme or method is, on one scale for both countries.

Danish and Swedish bodies rate prevention work in different words; the common ordered scale lets
a reader compare them, and external ratings keep the original registry's label beside ours.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable


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

    class Meta:
        abstract = True

    @property
    def evidence(self):
        return EvidenceLevel(self.evidence_level)


class Study(Orderable):
    """A study of a programme or method; required from the level "promising" up."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="studies")
    citation = models.CharField(_("citation"), max_length=500)
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    design = models.CharField(_("design"), max_length=20, choices=StudyDesign.choices)
    outcome = models.CharField(_("outcome measured"), max_length=255, blank=True)
    finding = models.TextField(_("finding"), blank=True)
    url = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("citation"),
        FieldPanel("year"),
        FieldPanel("design"),
        FieldPanel("outcome"),
        FieldPanel("finding"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("study")
        verbose_name_plural = _("studies")

    def __str__(self):
        return self.citation


class ExternalRating(Orderable):
    """A rating from another registry (CrimeSolutions, Blueprints, a Vidensdeklaration...)."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="external_ratings"
    )
    registry = models.CharField(_("registry"), max_length=100)
    label = models.CharField(_("rating as the registry words it"), max_length=255)
    rated_on = models.DateField(_("date of rating"), null=True, blank=True)
    url = models.URLField(_("link"), blank=True)

    panels = [
        FieldPanel("registry"),
        FieldPanel("label"),
        FieldPanel("rated_on"),
        FieldPanel("url"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("external rating")
        verbose_name_plural = _("external ratings")

    def __str__(self):
        return f"{self.registry}: {self.label}"
