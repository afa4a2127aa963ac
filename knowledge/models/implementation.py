"""What it takes to run a programme or method elsewhere: cost, staff, training, materials, rights.

Registries find costs reported for about a quarter of programmes and readiness rarely checked,
yet that is what a coordinator needs before adopting another country's programme. These fields
make it a structured block (Blueprints and the EIF Guidebook itemise the same), which compare and
the exports show as rows. Every text is optional, in every language.
"""

from django.db import models
from django.utils.formats import number_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel


class CostBand(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class CostUnit(models.TextChoices):
    PARTICIPANT = "participant", _("per participant")
    SITE = "site", _("per site")


class Currency(models.TextChoices):
    DKK = "DKK", "DKK"
    SEK = "SEK", "SEK"
    EUR = "EUR", "EUR"


class Readiness(models.TextChoices):
    """How ready it is to be taken up somewhere else."""

    READY = "ready", _("Ready: described, with manual and training, to be taken up elsewhere")
    WITH_SUPPORT = "with_support", _("Can be taken up with support from those who run it")
    NOT_READY = "not_ready", _("Not yet described well enough to be taken up elsewhere")


#: The texts of the block, in the order the page and compare show them: (field, label).
IMPLEMENTATION_TEXTS = [
    ("staffing", _("Staffing")),
    ("training", _("Training")),
    ("materials", _("Manual and materials")),
    ("licence", _("Licence")),
    ("fidelity", _("Fidelity requirements")),
]


class ImplementationFields(models.Model):
    """The structured implementation block that programme and method pages share."""

    cost_band = models.CharField(
        _("cost band"), max_length=10, choices=CostBand.choices, blank=True
    )
    cost_unit = models.CharField(_("cost per"), max_length=12, choices=CostUnit.choices, blank=True)
    cost_amount = models.DecimalField(
        _("cost estimate"), max_digits=12, decimal_places=0, null=True, blank=True
    )
    cost_currency = models.CharField(
        _("cost currency"), max_length=3, choices=Currency.choices, blank=True
    )
    cost_year = models.PositiveSmallIntegerField(
        _("cost year"), null=True, blank=True, help_text=_("The year the prices are from.")
    )
    staffing = models.TextField(_("staffing"), blank=True)
    training = models.TextField(_("training"), blank=True)
    materials = models.TextField(_("manual and materials"), blank=True)
    licence = models.TextField(_("licence"), blank=True)
    fidelity = models.TextField(_("fidelity requirements"), blank=True)
    readiness = models.CharField(
        _("readiness to be taken up elsewhere"),
        max_length=12,
        choices=Readiness.choices,
        blank=True,
    )

    implementation_panels = [
        FieldRowPanel([FieldPanel("cost_band"), FieldPanel("cost_unit")]),
        FieldRowPanel(
            [FieldPanel("cost_amount"), FieldPanel("cost_currency"), FieldPanel("cost_year")]
        ),
        *(FieldPanel(name) for name, _label in IMPLEMENTATION_TEXTS),
        FieldPanel("readiness"),
    ]

    class Meta:
        abstract = True

    @property
    def cost(self):
        """The cost as a reader writes it: "Low · 12,000 DKK per participant (2024)", or ""."""
        parts = [self.get_cost_band_display()]
        if self.cost_amount is not None:
            figure = number_format(self.cost_amount, decimal_pos=0, force_grouping=True)
            parts.append(f"{figure} {self.cost_currency}".strip())
        if self.cost_unit:
            parts.append(str(self.get_cost_unit_display()))
        text = " ".join(str(part) for part in parts if part)
        return f"{text} ({self.cost_year})" if text and self.cost_year else text
