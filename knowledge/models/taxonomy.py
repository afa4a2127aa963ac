"""Snippets shared by many pages: what a programme is about, for whom, where, and by whom.

Each has a name in Danish, Swedish and English (modeltranslation adds `name_da` etc.), so a
facet or a comparison reads in the visitor's language and search can match any of the three.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index


class Country(models.TextChoices):
    DENMARK = "DK", _("Denmark")
    SWEDEN = "SE", _("Sweden")


class TaxonomyTerm(index.Indexed, models.Model):
    """A named term with a stable slug; the slug is what URLs and the search index use."""

    name = models.CharField(_("name"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)

    panels = [FieldPanel("name"), FieldPanel("slug")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class Theme(TaxonomyTerm):
    """The problem a programme works on: burglary, violence in close relations, drugs..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("theme")
        verbose_name_plural = _("themes")


class TargetGroup(TaxonomyTerm):
    """Who a programme is for: children and young people, drug buyers, residents..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


class Arena(TaxonomyTerm):
    """Where a programme acts: home, school, family, public space, online, nightlife..."""

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("arena")
        verbose_name_plural = _("arenas")


class Organisation(TaxonomyTerm):
    """A body that leads, joins, funds or evaluates programmes."""

    class Kind(models.TextChoices):
        POLICE = "police", _("Police")
        MUNICIPALITY = "municipality", _("Municipality")
        REGION = "region", _("Region or county")
        STATE_AGENCY = "state_agency", _("State agency")
        FOUNDATION = "foundation", _("Foundation")
        UNIVERSITY = "university", _("University")
        NGO = "ngo", _("Non-governmental organisation")
        PRISON_PROBATION = "prison_probation", _("Prison and probation service")
        RESCUE_SERVICE = "rescue_service", _("Rescue service")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    website = models.URLField(_("website"), blank=True)

    panels = [
        *TaxonomyTerm.panels,
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("website"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")


class Area(TaxonomyTerm):
    """A place a programme covers: a country, police district, region or county, municipality."""

    class Kind(models.TextChoices):
        COUNTRY = "country", _("Country")
        POLICE_DISTRICT = "police_district", _("Police district")
        REGION = "region", _("Region")
        COUNTY = "county", _("County")
        MUNICIPALITY = "municipality", _("Municipality")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("part of"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="children",
    )
    code = models.CharField(
        _("official code"),
        max_length=20,
        blank=True,
        help_text=_("For example a municipality code."),
    )

    panels = [
        *TaxonomyTerm.panels,
        FieldPanel("kind"),
        FieldPanel("country"),
        FieldPanel("parent"),
        FieldPanel("code"),
    ]

    class Meta(TaxonomyTerm.Meta):
        verbose_name = _("area")
        verbose_name_plural = _("areas")


class Source(index.Indexed, models.Model):
    """A document a page is based on. Pages link to it with the passage that supports them."""

    class Kind(models.TextChoices):
        PRESS_RELEASE = "press_release", _("Press release")
        MINUTES = "minutes", _("Minutes")
        SPEECH = "speech", _("Speech")
        REPORT = "report", _("Report")
        PROGRAMME_DECLARATION = "programme_declaration", _("Programme declaration")
        WEB_PAGE = "web_page", _("Web page")

    title = models.CharField(_("title"), max_length=255)
    slug = models.SlugField(_("slug"), max_length=100, unique=True)
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    publisher = models.ForeignKey(
        Organisation,
        verbose_name=_("publisher"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="published_sources",
    )
    date = models.DateField(_("date"), null=True, blank=True)
    year = models.PositiveSmallIntegerField(
        _("year"), null=True, blank=True, help_text=_("When only the year is known.")
    )
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    url = models.URLField(_("web address"), blank=True)
    document = models.CharField(
        _("seed document"),
        max_length=100,
        blank=True,
        help_text=_("File name of the document in the project's seed collection, if any."),
    )

    panels = [
        FieldPanel("title"),
        FieldPanel("slug"),
        FieldPanel("kind"),
        FieldPanel("publisher"),
        FieldPanel("date"),
        FieldPanel("year"),
        FieldPanel("language"),
        FieldPanel("url"),
        FieldPanel("document"),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        ordering = ["-date", "title"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.title

    @property
    def published_year(self):
        return self.date.year if self.date else self.year
