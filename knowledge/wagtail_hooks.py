"""Admin wiring: the taxonomy snippets under one menu, the translation-status report, and the
guard that a changed rating goes through the evidence review."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import Area, Arena, Organisation, Registry, Source, TargetGroup, Theme
from .models.evidence import EvidenceFields
from .models.review import rating_changed
from .views import machine_draft
from .views.translation_report import TranslationStatusView


class TermViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    search_fields = ["name"]


class ThemeViewSet(TermViewSet):
    model = Theme
    icon = "tag"


class TargetGroupViewSet(TermViewSet):
    model = TargetGroup
    icon = "group"


class ArenaViewSet(TermViewSet):
    model = Arena
    icon = "site"


class OrganisationViewSet(TermViewSet):
    model = Organisation
    icon = "openquote"
    list_display = ["name", "kind", "country"]
    list_filter = ["kind", "country"]


class AreaViewSet(TermViewSet):
    model = Area
    icon = "globe"
    list_display = ["name", "kind", "country", "parent"]
    list_filter = ["kind", "country"]


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "doc-full"
    list_display = ["title", "kind", "publisher", "date", "language"]
    list_filter = ["kind", "language"]
    search_fields = ["title"]


class RegistryViewSet(SnippetViewSet):
    """The other registries and the mapping of each of their labels onto our scale."""

    model = Registry
    icon = "list-ul"
    list_display = ["name", "url"]
    search_fields = ["name"]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomy")
    menu_icon = "tag"
    menu_order = 300
    items = (
        ThemeViewSet,
        TargetGroupViewSet,
        ArenaViewSet,
        OrganisationViewSet,
        AreaViewSet,
        SourceViewSet,
        RegistryViewSet,
    )


register_snippet(TaxonomyGroup)


@hooks.register("register_admin_urls")
def register_translation_status_urls():
    view = TranslationStatusView.as_view()
    results = TranslationStatusView.as_view(results_only=True)
    return [
        path("reports/translation-status/", view, name="knowledge_translation_status"),
        path(
            "reports/translation-status/results/",
            results,
            name="knowledge_translation_status_results",
        ),
    ]


@hooks.register("register_admin_urls")
def register_machine_draft_urls():
    return [
        path(
            "pages/<int:page_id>/machine-draft/<str:source>-to-<str:target>/",
            machine_draft.draft,
            name="knowledge_machine_draft",
        ),
        path(
            "pages/<int:page_id>/machine-draft/<str:language>/reviewed/",
            machine_draft.reviewed,
            name="knowledge_machine_draft_reviewed",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(
        _("Translation status"),
        reverse("knowledge_translation_status"),
        name="translation-status",
        icon_name="globe",
        order=1200,
    )


@hooks.register("before_publish_page")
def refuse_an_unreviewed_rating(request, page):
    """Publishing past the workflow keeps the draft but refuses a changed rating.

    A page the create view has just added is live until published; it is made a draft.
    """
    if isinstance(page, EvidenceFields) and rating_changed(page):
        if page.live and page.live_revision_id is None:
            page.live = False
            page.save(update_fields=["live"], clean=False)
        messages.error(
            request,
            _(
                "The rating has changed, so a second reviewer must approve it first. "
                "Your changes are saved as a draft: submit them for moderation."
            ),
        )
        return redirect("wagtailadmin_pages:edit", page.pk)
    return None
