"""Participation in the admin, and on the public pages through their hooks.

Proposals, review requests and experiences are listed under "Participation" in the admin menu,
newest first, each with the page it is about. An experience is moderated there: a moderator sets
it to approved, and the page shows it. The page sections (experiences, links to the forms, the
follow links of a search) are added through the pages' hooks, so knowledge and search need not
know this app.
"""

from django.contrib import messages
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import follows
from .models import Experience, Proposal, ReviewRequest


class ProposalViewSet(SnippetViewSet):
    model = Proposal
    icon = "plus"
    list_display = ["title", "kind", "country", "language", "received_at"]
    list_filter = ["kind", "country"]
    inspect_view_enabled = True


class ReviewRequestViewSet(SnippetViewSet):
    model = ReviewRequest
    icon = "help"
    list_display = ["__str__", "topic", "handled", "received_at"]
    list_filter = ["topic", "handled"]


class ExperienceViewSet(SnippetViewSet):
    model = Experience
    icon = "group"
    list_display = ["__str__", "status", "received_at"]
    list_filter = ["status"]


class ParticipationGroup(SnippetViewSetGroup):
    items = (ProposalViewSet, ReviewRequestViewSet, ExperienceViewSet)
    menu_label = gettext_lazy("Participation")
    menu_icon = "mail"
    menu_order = 320


register_snippet(ParticipationGroup)


@hooks.register("before_edit_page")
def note_proposal(request, page):
    """An editor opening a proposed draft is told so, with the link to the proposal."""
    proposal = Proposal.objects.filter(page=page).first()
    if proposal is not None and request.method == "GET":
        url = reverse("wagtailsnippets_participation_proposal:edit", args=[proposal.pk])
        messages.info(
            request,
            _("A visitor proposed this page; complete it before publishing. The proposal: %(url)s")
            % {"url": request.build_absolute_uri(url)},
        )


def page_participation(context):
    """The page's approved experiences, and the links to share one or to ask for a review."""
    page = context["page"]
    experiences = Experience.objects.filter(page=page, status=Experience.Status.APPROVED)
    return render_to_string(
        "participation/includes/page_section.html",
        {"page": page, "experiences": experiences.order_by("-start_year", "-received_at")},
        request=context.get("request"),
    )


hooks.register("programme_page_sections", page_participation)
hooks.register("method_page_sections", page_participation)


@hooks.register("search_page_sections")
def follow_search(context):
    """Under the results: follow this search as a feed or by e-mail."""
    query_string, errors = follows.followed_query(context["request"].GET)
    if errors:
        return ""
    query = f"?{query_string}" if query_string else ""
    return render_to_string(
        "participation/includes/follow_links.html",
        {
            "follow_url": reverse("participation:follow") + query,
            "feed_url": reverse("participation:feed") + query,
        },
    )


@hooks.register("footer_sections")
def footer_links(context):
    return render_to_string("participation/includes/footer_links.html")
