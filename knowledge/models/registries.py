"""Other registries and how their labels map onto Bro's evidence scale.

Each registry words its ratings its own way ("Model Plus", "Effektivität nachgewiesen",
"Level 3"). The mapping of each label onto `EvidenceLevel` is data, with the reasoning beside
it, so an editor can correct it in the admin and a reader can see why "Promising" at Blueprints
is "Effective" here. The list itself is loaded by a data migration (0007_registries).
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .evidence import EvidenceLevel


class Registry(ClusterableModel):
    """A registry of prevention programmes: CrimeSolutions, Blueprints, Xchange..."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(_("slug"), max_length=50, unique=True)
    url = models.URLField(_("web address"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("url"), InlinePanel("labels")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("registry")
        verbose_name_plural = _("registries")

    def __str__(self):
        return self.name


class RegistryLabel(Orderable):
    """One of a registry's labels, the level on our scale it maps to, and why."""

    registry = ParentalKey(Registry, on_delete=models.CASCADE, related_name="labels")
    label = models.CharField(_("label as the registry words it"), max_length=255)
    level = models.PositiveSmallIntegerField(
        _("level on Bro’s scale"), choices=EvidenceLevel.choices
    )
    reasoning = models.TextField(_("why this level"), blank=True)

    panels = [FieldPanel("label"), FieldPanel("level"), FieldPanel("reasoning")]

    class Meta(Orderable.Meta):
        verbose_name = _("registry label")
        verbose_name_plural = _("registry labels")

    def __str__(self):
        return f"{self.registry}: {self.label}"
