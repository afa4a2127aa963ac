"""The admin report "Translation status": pages with text still missing in a language.

It lists only the pages the user may edit: a country's editor sees their own sections' pages.
"""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import PageReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from ..models import MethodPage, ProgrammePage
from ..translation_status import missing_in_language

TRANSLATED_PAGE_TYPES = [ProgrammePage, MethodPage]


def pages_missing(language):
    """Ids of programme and method pages that lack text in `language`."""
    ids = []
    for model in TRANSLATED_PAGE_TYPES:
        ids += model.objects.filter(missing_in_language(model, language)).values_list(
            "pk", flat=True
        )
    return ids


def pages_with_machine_drafts(language):
    """Ids of programme and method pages whose published text in `language` is an unreviewed
    machine draft."""
    ids = []
    for model in TRANSLATED_PAGE_TYPES:
        ids += model.objects.filter(machine_drafts__has_key=language).values_list("pk", flat=True)
    return ids


class TranslationStatusFilterSet(WagtailFilterSet):
    missing = django_filters.ChoiceFilter(
        label=_("Missing"),
        choices=[(code, name) for code, name in settings.LANGUAGES],
        empty_label=_("Any language"),
        method="filter_missing",
    )

    machine_draft = django_filters.ChoiceFilter(
        label=_("Machine draft, not reviewed"),
        choices=[(code, name) for code, name in settings.LANGUAGES],
        empty_label=_("Any language"),
        method="filter_machine_draft",
    )

    def filter_missing(self, queryset, name, value):
        return queryset.filter(pk__in=pages_missing(value))

    def filter_machine_draft(self, queryset, name, value):
        return queryset.filter(pk__in=pages_with_machine_drafts(value))

    class Meta:
        model = Page
        fields = ["missing", "machine_draft"]


class TranslationStatusView(PageReportView):
    page_title = _("Translation status")
    header_icon = "globe"
    filterset_class = TranslationStatusFilterSet
    index_url_name = "knowledge_translation_status"
    index_results_url_name = "knowledge_translation_status_results"
    any_permission_required = ["add", "change", "publish"]

    def get_queryset(self):
        editable = PagePermissionPolicy().instances_user_has_any_permission_for(
            self.request.user, ["change", "publish"]
        )
        self.queryset = (
            Page.objects.type(*TRANSLATED_PAGE_TYPES)
            .filter(pk__in=editable.values("pk"))
            .specific(defer=True)
            .order_by("title")
        )
        return super().get_queryset()
