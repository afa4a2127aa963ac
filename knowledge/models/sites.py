"""Where a programme or method has run: one row per place that took it up.

A coordinator weighing another country's programme wants to know who already runs it, what they
had to change and what they learnt, and whom to ask. The rows belong to the page (an inline, so
they go through the page's moderation); the area is a taxonomy term, so the overview can count
sites per area and search can find "programmes already run in Östergötland".
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from .taxonomy import Area, Organisation


def year_span(start, end):
    """A period as readers write it: "2019–2023", "2021–" while running, "2024" alone."""
    if not start or start == end:
        return str(end or start or "")
    return f"{start}–{end or ''}"


class ImplementationSite(Orderable):
    """One place a programme or method has run: where, when, by whom, and with what lessons."""

    page = ParentalKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="implementation_sites"
    )
    area = models.ForeignKey(
        Area, verbose_name=_("area"), on_delete=models.PROTECT, related_name="implementation_sites"
    )
    start_year = models.PositiveSmallIntegerField(_("from year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("to year"), null=True, blank=True, help_text=_("Leave empty while it is still running.")
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="implementation_sites",
    )
    organisation_name = models.CharField(
        _("organisation, if not in the list"), max_length=255, blank=True
    )
    adapted = models.TextField(
        _("what was adapted"),
        blank=True,
        help_text=_("What the site changed from the original, and why."),
    )
    learnt = models.TextField(_("what was learnt"), blank=True)
    contact = models.CharField(
        _("contact"),
        max_length=255,
        blank=True,
        help_text=_("A unit or function to contact, not a person."),
    )
    contact_url = models.URLField(_("contact web address"), blank=True)

    panels = [
        FieldPanel("area"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldRowPanel([FieldPanel("organisation"), FieldPanel("organisation_name")]),
        FieldPanel("adapted"),
        FieldPanel("learnt"),
        FieldRowPanel([FieldPanel("contact"), FieldPanel("contact_url")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("implementation site")
        verbose_name_plural = _("implementation sites")

    def __str__(self):
        return f"{self.area} ({self.period})" if self.period else str(self.area)

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    @property
    def organisation_label(self):
        """The organisation's name: the term's when one is chosen, else the one typed in."""
        return str(self.organisation) if self.organisation_id else self.organisation_name

    @property
    def period(self):
        return year_span(self.start_year, self.end_year)
