"""The home page: the front door of the site in every language."""

from django.db import models
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from base.visibility import publicly_visible
from knowledge.models import Country, MethodPage, ProgrammePage, Theme


class HomePage(Page):
    """The root of the site. Editors write the introduction shown under the search box."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two sentences that tell a visitor what the site offers."),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    max_count = 1

    class Meta:
        verbose_name = _("home page")

    def get_context(self, request, *args, **kwargs):
        """Entry points into the knowledge base; all from the database, so search may be down."""
        context = super().get_context(request, *args, **kwargs)
        programmes = publicly_visible(ProgrammePage.objects)
        methods = publicly_visible(MethodPage.objects)
        context["recent"] = programmes.order_by("-last_published_at")[:RECENT_COUNT]
        context["themes"] = Theme.objects.filter(
            Q(programmepage__in=programmes) | Q(methodpage__in=methods)
        ).distinct()
        context["countries"] = country_counts(programmes, methods)
        return context


#: How many recently updated programmes the home page lists.
RECENT_COUNT = 6


def country_counts(programmes, methods):
    """Per country, how many programmes and methods cover it: a page for both counts in both.

    That is what the search's country filter finds, so a count and its link agree.
    """

    def count(queryset):
        return queryset.aggregate(
            **{code: Count("pk", filter=Q(country__in=[code, "BOTH"])) for code in Country.values}
        )

    programme_counts, method_counts = count(programmes), count(methods)
    return [
        {
            "code": code,
            "label": label,
            "programmes": programme_counts[code],
            "methods": method_counts[code],
        }
        for code, label in Country.choices
    ]
