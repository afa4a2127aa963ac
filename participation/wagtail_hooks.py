"""Participation in the admin, and on the public pages through their hooks.

Proposals, review requests and experiences are listed under "Participation" in the admin menu,
newest first, each with the page it is about. An experience is moderated there: a moderator sets
it to approved, which adds it to the page as an implementation site through the page's moderation
(sites.py). The page sections (links to the forms, the follow links of a search) are added
through the pages' hooks, so knowledge and search need not know this app.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.template.loader import render_to_string
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import EditView, SnippetViewSet, SnippetViewSetGroup

from . import admin_views, follows, sites
from .forms import ExperienceAdminForm
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


class ExperienceEditView(EditView):
    """Saving an approval adds the site to the page, in the same transaction, and says how."""

    outcome = None

    def save_instance(self):
        approving = self.form.approving
        instance = super().save_instance()
        if approving:
            self.outcome = sites.add_to_page(instance, self.request.user)
        return instance

    def form_valid(self, form):
        """A page whose latest version fails its own checks takes no site: nothing is saved,
        and the moderator is told why."""
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(
                None,
                _(
                    "The page's latest version does not pass its own checks, so the site cannot "
                    "be added to it; an editor must correct the page first: %(errors)s"
                )
                % {"errors": " ".join(error.messages)},
            )
            self.produced_error_code = "validation_error"
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    def get_success_message(self):
        message = super().get_success_message()
        return f"{message} {self.outcome.value}" if self.outcome else message


class ExperienceViewSet(SnippetViewSet):
    model = Experience
    icon = "group"
    list_display = ["__str__", "status", "received_at"]
    list_filter = ["status"]
    edit_view_class = ExperienceEditView
    edit_handler = ObjectList(Experience.panels, base_form_class=ExperienceAdminForm)


class ParticipationGroup(SnippetViewSetGroup):
    items = (ProposalViewSet, ReviewRequestViewSet, ExperienceViewSet)
    menu_label = gettext_lazy("Participation")
    menu_icon = "mail"
    menu_order = 320


register_snippet(ParticipationGroup)


@hooks.register("register_admin_urls")
def admin_urls():
    return [
        path(
            "participation/proposals/<int:pk>/source-file/",
            admin_views.source_file,
            name="participation_source_file",
        )
    ]


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
    """The links to share an experience of the page or to ask for a review of it."""
    return render_to_string(
        "participation/includes/page_section.html",
        {"page": context["page"]},
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
