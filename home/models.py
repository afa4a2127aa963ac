"""The home page: the front door of the site in every language."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page


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
