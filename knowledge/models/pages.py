"""Page types: the index pages, one section per country, programmes and methods.

The tree is Home > Programmes | Methods > one section per country > pages. The country
sections exist so that Danish and Swedish editors can each be given their own part of the tree.
"""

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.db.models.functions import Coalesce
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Orderable, Page, PageViewRestriction
from wagtail.search import index

from base.content_cache import content_version
from base.languages import in_language_order
from base.visibility import publicly_visible

from .. import original_language as original
from ..blocks import DescriptionBlock
from ..forms import KnowledgePageForm, ProgrammePageForm
from ..machine_translation.drafting import forget_changed
from ..open_data.api_fields import api_fields_for
from ..panels import TranslationStatusPanel
from .evidence import EvidenceFields
from .implementation import Currency, ImplementationFields
from .sites import year_span
from .taxonomy import Area, Arena, Country, Organisation, Source, TargetGroup, Theme

#: Cards per page of a listing.
LISTING_PAGE_SIZE = 20


#: How long the rendered body of a programme page is kept (see programme_page.html).
FRAGMENT_SECONDS = 300


def fetched_when_read(rows):
    """The rows, queried the first time a template reads them: not at all when the part of the
    page that shows them comes from the fragment cache."""
    return SimpleLazyObject(lambda: list(rows()))


def listing_page(request, queryset):
    """One page of a listing, chosen by `?p=`; a page number out of range shows the last page."""
    return Paginator(queryset, LISTING_PAGE_SIZE).get_page(request.GET.get("p"))


def by_shown_title(pages):
    """Programmes or methods in the order of the titles the reader sees."""
    return pages.order_by(in_language_order("title", get_language()), "pk")


class CountryScope(models.TextChoices):
    DENMARK = "DK", _("Denmark")
    SWEDEN = "SE", _("Sweden")
    BOTH = "BOTH", _("Denmark and Sweden")


class KnowledgeIndexPage(Page):
    """Lists every page of one type (`listed_type`, a model name) of both countries."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["home.HomePage"]
    subpage_types = ["knowledge.CountrySectionPage"]
    max_count = 1
    #: Set by each subclass; a name, as the page models are declared further down.
    listed_type = None

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        model = apps.get_model("knowledge", self.listed_type)
        pages = publicly_visible(model.objects.descendant_of(self))
        context["items"] = listing_page(request, by_shown_title(pages))
        context["sections"] = publicly_visible(self.get_children())
        return context


class ProgrammeIndexPage(KnowledgeIndexPage):
    """Lists every programme of both countries."""

    listed_type = "ProgrammePage"

    class Meta:
        verbose_name = _("programme index")


class MethodIndexPage(KnowledgeIndexPage):
    """Lists every method of both countries."""

    listed_type = "MethodPage"

    class Meta:
        verbose_name = _("method index")


class CountrySectionPage(Page):
    """One country's part of the programmes or the methods; editors' permissions attach here."""

    country = models.CharField(_("country"), max_length=2, choices=Country.choices)
    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("country"), FieldPanel("intro")]
    parent_page_types = ["knowledge.ProgrammeIndexPage", "knowledge.MethodIndexPage"]
    subpage_types = ["knowledge.ProgrammePage", "knowledge.MethodPage"]

    class Meta:
        verbose_name = _("country section")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        model = apps.get_model("knowledge", self.get_parent().specific.listed_type)
        pages = publicly_visible(model.objects.child_of(self))
        context["items"] = listing_page(request, by_shown_title(pages))
        context["sections"] = publicly_visible(self.get_siblings())
        return context


def _in_section_under(parent, index_class):
    return isinstance(parent.specific, CountrySectionPage) and isinstance(
        parent.get_parent().specific, index_class
    )


class KnowledgePage(EvidenceFields, ImplementationFields, Page):
    """What programmes and methods have in common: a summary, themes, evidence and sources."""

    summary = models.TextField(
        _("summary"), help_text=_("One paragraph: what it is, who runs it, where and since when.")
    )
    country = models.CharField(_("country"), max_length=4, choices=CountryScope.choices)
    themes = ParentalManyToManyField(Theme, verbose_name=_("themes"), blank=True)
    original_language = models.CharField(
        _("original language"),
        max_length=2,
        choices=settings.LANGUAGES,
        default="da",
        help_text=_("The language the sources are written in; the others are translations."),
    )
    last_reviewed = models.DateField(_("last reviewed"), null=True, blank=True)
    machine_drafts = models.JSONField(
        default=dict,
        blank=True,
        editable=False,
        help_text="Machine-translated texts not yet reviewed (knowledge.machine_translation)",
    )

    evidence_panels = [
        FieldPanel("evidence_level"),
        FieldPanel("evidence_note"),
        InlinePanel("studies", label=_("Studies")),
        MultiFieldPanel(EvidenceFields.emmie_panels, heading=_("EMMIE profile")),
        InlinePanel("external_ratings", label=_("External ratings")),
    ]
    site_panels = [InlinePanel("implementation_sites", label=_("Implementation sites"))]
    source_panels = [InlinePanel("source_links", label=_("Sources")), FieldPanel("last_reviewed")]

    base_form_class = KnowledgePageForm
    #: For Wagtail's own search (the admin's page search, and the benchmark's peers); the
    #: public search is the `search` app's. wagtail-modeltranslation adds the `_da/_sv/_en`
    #: copy of each translated field.
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.FilterField("country"),
        index.FilterField("evidence_level"),
    ]

    class Meta:
        abstract = True

    def clean_fields(self, exclude=None):
        """Required are the title, slug and summary in the page's original language, not (as
        wagtail-modeltranslation has it) in the default one (knowledge/original_language.py)."""
        empty_defaults = {
            name
            for name in [*original.default_language_names(), *original.REQUIRED_FIELDS]
            if not getattr(self, name)
        }
        errors = {}
        try:
            super().clean_fields(exclude={*(exclude or ()), *empty_defaults})
        except ValidationError as error:
            errors = error.update_error_dict(errors)
        for name, message in original.missing_required(self).items():
            if name not in (exclude or ()):
                errors.setdefault(name, []).append(message)
        if errors:
            raise ValidationError(errors)

    def save_revision(self, *args, **kwargs):
        """A version whose text differs from a machine draft no longer carries its note."""
        forget_changed(self)
        return super().save_revision(*args, **kwargs)

    @property
    def kind_label(self):
        """ "programme" or "method", in the active language, for kickers and listings."""
        return self._meta.verbose_name

    def get_view_restrictions(self):
        """Wagtail's answer in one query instead of two (it is asked on every view).

        The restrictions on this page and its ancestors, an alias counting as its source page.
        """
        own_and_above = [
            self.path[:end] for end in range(self.steplen, len(self.path) + 1, self.steplen)
        ]
        sources = (
            Page.objects.filter(path__in=own_and_above)
            .annotate(source=Coalesce("alias_of_id", "id"))
            .values_list("source", flat=True)
        )
        return PageViewRestriction.objects.filter(page_id__in=sources)

    def get_context(self, request, *args, **kwargs):
        """The related rows the page shows, each fetched once (if read) with what it refers to."""
        context = super().get_context(request, *args, **kwargs)
        context["sources"] = fetched_when_read(
            lambda: self.source_links.select_related("source__publisher")
        )
        context["studies"] = fetched_when_read(self.studies.all)
        context["ratings"] = fetched_when_read(
            lambda: self.external_ratings.select_related("registry_label__registry")
        )
        context["themes"] = fetched_when_read(self.themes.all)
        context["rating_history"] = fetched_when_read(self.rating_records.all)
        context["sites"] = fetched_when_read(
            lambda: self.implementation_sites.select_related("area", "organisation")
        )
        return context


class ProgrammePage(KnowledgePage):
    """An initiative run by someone, somewhere, for someone: the heart of the knowledge base."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ACTIVE = "active", _("Active")
        ENDED = "ended", _("Ended")

    class Approach(models.TextChoices):
        SOCIAL = "social", _("Social prevention")
        SITUATIONAL = "situational", _("Situational prevention")
        BOTH = "both", _("Social and situational prevention")

    class Level(models.TextChoices):
        PRIMARY = "primary", _("Primary (everyone)")
        SECONDARY = "secondary", _("Secondary (groups at risk)")
        TERTIARY = "tertiary", _("Tertiary (after crime has happened)")

    Currency = Currency

    description = StreamField(DescriptionBlock(), verbose_name=_("description"), blank=True)
    target_groups = ParentalManyToManyField(
        TargetGroup, verbose_name=_("target groups"), blank=True
    )
    arenas = ParentalManyToManyField(Arena, verbose_name=_("arenas"), blank=True)
    prevention_approach = models.CharField(
        _("prevention approach"), max_length=20, choices=Approach.choices, blank=True
    )
    prevention_level = models.CharField(
        _("prevention level"), max_length=20, choices=Level.choices, blank=True
    )
    areas = ParentalManyToManyField(Area, verbose_name=_("areas"), blank=True)
    start_year = models.PositiveSmallIntegerField(_("start year"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(
        _("end year"), null=True, blank=True, help_text=_("Leave empty while it is ongoing.")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    funding_amount = models.DecimalField(
        _("funding amount"), max_digits=14, decimal_places=0, null=True, blank=True
    )
    funding_currency = models.CharField(
        _("currency"), max_length=3, choices=Currency.choices, blank=True
    )
    funding_note = models.TextField(_("about the funding"), blank=True)
    methods = ParentalManyToManyField(
        "knowledge.MethodPage",
        verbose_name=_("methods used"),
        blank=True,
        related_name="programmes",
    )
    implementation = models.TextField(
        _("what it takes"), blank=True, help_text=_("Staff, training and cost: what others need.")
    )
    contact = models.TextField(
        _("contact"), blank=True, help_text=_("A unit or function to contact, not a person.")
    )
    contact_url = models.URLField(_("contact web address"), blank=True)

    content_panels = [
        TranslationStatusPanel(heading=_("Translation status")),
        FieldPanel("original_language"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("description"),
        InlinePanel("goals", label=_("Goals")),
        MultiFieldPanel(
            [
                FieldPanel("country"),
                FieldPanel("areas"),
                FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
                FieldPanel("status"),
            ],
            heading=_("Where and when"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("themes"),
                FieldPanel("target_groups"),
                FieldPanel("arenas"),
                FieldRowPanel([FieldPanel("prevention_approach"), FieldPanel("prevention_level")]),
                FieldPanel("methods"),
            ],
            heading=_("What and for whom"),
        ),
        InlinePanel("partners", label=_("Partners"), min_num=1),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("funding_amount"), FieldPanel("funding_currency")]),
                FieldPanel("funding_note"),
            ],
            heading=_("Funding"),
        ),
        FieldPanel("implementation"),
        MultiFieldPanel(
            ImplementationFields.implementation_panels, heading=_("Cost and implementation")
        ),
        MultiFieldPanel(KnowledgePage.site_panels, heading=_("Where it has run")),
        MultiFieldPanel(KnowledgePage.evidence_panels, heading=_("Evidence")),
        MultiFieldPanel(
            [FieldPanel("contact"), FieldPanel("contact_url")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(KnowledgePage.source_panels, heading=_("Sources")),
    ]
    parent_page_types = ["knowledge.CountrySectionPage"]
    subpage_types = []
    base_form_class = ProgrammePageForm
    api_fields = api_fields_for("programme")
    search_fields = [*KnowledgePage.search_fields, index.SearchField("description")]

    class Meta:
        verbose_name = _("programme")
        verbose_name_plural = _("programmes")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and _in_section_under(parent, ProgrammeIndexPage)

    def clean(self):
        super().clean()
        if self.start_year and self.end_year and self.end_year < self.start_year:
            raise ValidationError({"end_year": _("The end year cannot be before the start year.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["partners"] = SimpleLazyObject(self.partners_by_role)
        context["goals"] = fetched_when_read(self.goals.all)
        context["methods"] = fetched_when_read(
            lambda: by_shown_title(publicly_visible(self.methods))
        )
        # 0 stores nothing: a preview shows the draft, never a cached live body.
        context["fragment_seconds"] = (
            0 if getattr(request, "is_preview", False) else FRAGMENT_SECONDS
        )
        context["content_version"] = content_version()
        return context

    def partners_by_role(self):
        """`{role: [organisation, ...]}` in the editors' order, for every role."""
        grouped = {role: [] for role in ProgrammePartner.Role.values}
        for partner in self.partners.select_related("organisation"):
            grouped[partner.role].append(partner.organisation)
        return grouped

    @property
    def period(self):
        return year_span(self.start_year, self.end_year)


class ProgrammeGoal(Orderable):
    """One goal of a programme, optionally with how it is measured and what is aimed for."""

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="goals")
    text = models.CharField(_("goal"), max_length=500)
    indicator = models.CharField(_("indicator"), max_length=255, blank=True)
    target = models.CharField(_("target"), max_length=255, blank=True)

    panels = [FieldPanel("text"), FieldRowPanel([FieldPanel("indicator"), FieldPanel("target")])]

    class Meta(Orderable.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")

    def __str__(self):
        return self.text


class ProgrammePartner(Orderable):
    """An organisation's part in a programme. Funders are partners with the role "funder"."""

    class Role(models.TextChoices):
        LEAD = "lead", _("Lead")
        PARTNER = "partner", _("Partner")
        FUNDER = "funder", _("Funder")
        EVALUATOR = "evaluator", _("Evaluator")

    page = ParentalKey(ProgrammePage, on_delete=models.CASCADE, related_name="partners")
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="programme_roles",
    )
    role = models.CharField(_("role"), max_length=10, choices=Role.choices, default=Role.PARTNER)

    panels = [FieldPanel("organisation"), FieldPanel("role")]

    class Meta(Orderable.Meta):
        verbose_name = _("partner")
        verbose_name_plural = _("partners")

    def __str__(self):
        return f"{self.organisation} ({self.get_role_display()})"


class MethodPage(KnowledgePage):
    """A way of working that programmes use, and why it should work."""

    what_it_is = models.TextField(_("what it is"), blank=True)
    mechanism = models.TextField(
        _("mechanism"), blank=True, help_text=_("Why it should work: the causal idea behind it.")
    )
    when_to_use = models.TextField(_("when to use it"), blank=True)
    requirements = models.TextField(
        _("what it takes"), blank=True, help_text=_("Staff, training, cost and partners needed.")
    )

    content_panels = [
        TranslationStatusPanel(heading=_("Translation status")),
        FieldPanel("original_language"),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("what_it_is"),
        FieldPanel("mechanism"),
        FieldPanel("when_to_use"),
        FieldPanel("requirements"),
        MultiFieldPanel(
            ImplementationFields.implementation_panels, heading=_("Cost and implementation")
        ),
        MultiFieldPanel(
            [FieldPanel("country"), FieldPanel("themes")],
            heading=_("Classification"),
        ),
        MultiFieldPanel(KnowledgePage.site_panels, heading=_("Where it has run")),
        MultiFieldPanel(KnowledgePage.evidence_panels, heading=_("Evidence")),
        MultiFieldPanel(KnowledgePage.source_panels, heading=_("Sources")),
    ]
    parent_page_types = ["knowledge.CountrySectionPage"]
    subpage_types = []
    api_fields = api_fields_for("method")
    search_fields = [
        *KnowledgePage.search_fields,
        index.SearchField("what_it_is"),
        index.SearchField("mechanism"),
    ]

    class Meta:
        verbose_name = _("method")
        verbose_name_plural = _("methods")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = list(by_shown_title(publicly_visible(self.programmes)))
        return context

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and _in_section_under(parent, MethodIndexPage)


class PageSource(Orderable):
    """Links a page to a source document, with the passage in it that supports the page."""

    page = ParentalKey("wagtailcore.Page", on_delete=models.CASCADE, related_name="source_links")
    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.PROTECT, related_name="page_links"
    )
    passage = models.TextField(
        _("supporting passage"),
        blank=True,
        help_text=_("Quoted in the source's own language."),
    )

    panels = [FieldPanel("source"), FieldPanel("passage")]

    class Meta(Orderable.Meta):
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return str(self.source)
