"""The editor's two actions on machine drafts: draft one language from another, and mark a
language's drafts reviewed. Each asks for confirmation first (GET), then acts (POST) and returns
to the page editor with a message in the editor's language."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from base.languages import language_name

from ..machine_translation import apertium
from ..machine_translation.drafting import draft_translation, mark_reviewed

LANGUAGE_CODES = {code for code, _name in settings.LANGUAGES}


def editable_page(request, page_id):
    page = get_object_or_404(Page, pk=page_id).specific
    if not hasattr(page, "machine_drafts"):
        raise Http404(_("Only programme and method pages have machine drafts."))
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return page


def confirm(request, page, heading, explanation, action):
    return TemplateResponse(
        request,
        "knowledge/admin/machine_draft_confirm.html",
        {
            "page": page,
            "heading": heading,
            "explanation": explanation,
            "action": action,
            "back": reverse("wagtailadmin_pages:edit", args=[page.pk]),
        },
    )


@require_http_methods(["GET", "POST"])
def draft(request, page_id, source, target):
    if source not in LANGUAGE_CODES or target not in LANGUAGE_CODES or source == target:
        raise Http404(_("Unknown language pair."))
    page = editable_page(request, page_id)
    edit_url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    names = {"source": language_name(source).lower(), "target": language_name(target).lower()}
    if not apertium.can_translate(source, target):
        messages.error(
            request,
            _("There is no offline machine translation from %(source)s to %(target)s here.")
            % names,
        )
        return redirect(edit_url)
    if request.method == "GET":
        return confirm(
            request,
            page,
            _("Draft a %(target)s translation from %(source)s") % names,
            _(
                "Apertium, on this server, translates the %(source)s text into the %(target)s "
                "fields that are still empty. Nothing you or others wrote is changed, and no "
                "text leaves the site. The draft is saved as a new version, not published; "
                "each drafted field is marked as a machine draft until an editor changes or "
                "confirms it. Save your open changes first."
            )
            % names,
            _("Draft the translation"),
        )
    try:
        fields = draft_translation(page, source, target, request.user)
    except apertium.Unavailable as error:
        messages.error(
            request,
            _("The machine translation failed, nothing was changed: %(reason)s")
            % {"reason": error},
        )
        return redirect(edit_url)
    if fields:
        messages.success(
            request,
            _(
                "%(count)d fields drafted in %(target)s from %(source)s. Review them: each is "
                "marked “machine draft, not reviewed” until you change or confirm it."
            )
            % {"count": len(fields), **names},
        )
    else:
        messages.info(
            request, _("Every %(target)s field with a %(source)s text is filled already.") % names
        )
    return redirect(edit_url)


@require_http_methods(["GET", "POST"])
def reviewed(request, page_id, language):
    if language not in LANGUAGE_CODES:
        raise Http404(_("Unknown language."))
    page = editable_page(request, page_id)
    names = {"language": language_name(language).lower()}
    if request.method == "GET":
        return confirm(
            request,
            page,
            _("Mark the %(language)s machine drafts as reviewed") % names,
            _(
                "Confirm that you have read the machine-drafted %(language)s texts and that they "
                "may stand. This saves a new version; the public note “machine-translated, not "
                "yet reviewed” goes when that version is published."
            )
            % names,
            _("Mark as reviewed"),
        )
    mark_reviewed(page, language, request.user)
    messages.success(request, _("The %(language)s machine drafts are marked as reviewed.") % names)
    return redirect("wagtailadmin_pages:edit", page.pk)
