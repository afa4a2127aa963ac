"""The public pages of participation, under the language prefix; none needs JavaScript.

A form that is refused is shown again with its errors and a 400 (429 past the rate limit), and
nothing is stored; only a form that passes stores anything, and then redirects (POST, redirect,
GET), so reloading the thank-you page sends nothing twice.
"""

import logging
import smtplib

from django.conf import settings
from django.db import transaction
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods
from wagtail.models import Page

from base.visibility import publicly_visible
from config.rate_limits import rate_limited
from knowledge.models import MethodPage, ProgrammePage

from . import drafts, follows, mail
from .feeds import SearchFeed
from .forms import ExperienceForm, FollowForm, ProposalForm, ReviewRequestForm, stored_fields
from .models import Experience, Follow, Proposal, ReviewRequest

logger = logging.getLogger(__name__)

#: What a mail that could not be sent raises: the server refused, or could not be reached.
MAIL_FAILED = (smtplib.SMTPException, OSError)


def knowledge_page(page_id):
    """A programme or method page anyone may see, or 404."""
    pages = publicly_visible(Page.objects.type(ProgrammePage, MethodPage))
    return get_object_or_404(pages, pk=page_id).specific


def form_page(request, form_class, template, context, save):
    """Show the form; on POST, validate, `save(form)` and redirect to what it returns."""
    if request.method == "POST":
        return submitted(request, form_class, template, context, save)
    return render(request, template, {**context, "form": form_class()})


@rate_limited("participation")
def submitted(request, form_class, template, context, save):
    form = form_class(request.POST, request.FILES)
    if not form.is_valid():
        return render(request, template, {**context, "form": form}, status=400)
    return save(form)


@require_http_methods(["GET", "POST"])
def propose(request):
    def save(form):
        with transaction.atomic():  # the proposal and its draft page, or neither
            proposal = Proposal.objects.create(language=get_language(), **stored_fields(form))
            drafts.create_draft(proposal)
        try:
            mail.proposal_received(proposal)
        except MAIL_FAILED:
            logger.exception("The acknowledgement of proposal %s could not be sent.", proposal.pk)
        return redirect("participation:thanks", "proposal")

    return form_page(request, ProposalForm, "participation/propose.html", {}, save)


def about_page(request, page_id, form_class, model, kind):
    """A form about one page (a review request, an experience), stored with the page."""
    page = knowledge_page(page_id)

    def save(form):
        model.objects.create(page=page, language=get_language(), **stored_fields(form))
        return redirect("participation:thanks", kind)

    template = f"participation/{kind}.html"
    return form_page(request, form_class, template, {"page": page}, save)


@require_http_methods(["GET", "POST"])
def review(request, page_id):
    return about_page(request, page_id, ReviewRequestForm, ReviewRequest, "review")


@require_http_methods(["GET", "POST"])
def experience(request, page_id):
    return about_page(request, page_id, ExperienceForm, Experience, "experience")


THANKS = {"proposal", "review", "experience", "follow"}


def thanks(request, kind):
    if kind not in THANKS:
        raise Http404("No such page.")
    return render(request, "participation/thanks.html", {"kind": kind})


@require_http_methods(["GET", "POST"])
def follow(request):
    """Follow the search in the query string by e-mail; the confirmation mail goes at once."""
    query_string, errors = follows.followed_query(request.GET)
    if errors:
        return render(request, "participation/follow.html", {"errors": errors}, status=400)
    context = {
        "description": follows.describe(query_string, get_language()),
        "search_url": follows.search_url(query_string),
        "feed_url": reverse("participation:feed") + (f"?{query_string}" if query_string else ""),
    }

    def save(form):
        try:
            follows.start(form.cleaned_data["email"], query_string, get_language())
        except MAIL_FAILED:
            logger.exception("A follow's confirmation mail could not be sent.")
            return render(request, "participation/mail_failed.html", status=503)
        return redirect("participation:thanks", "follow")

    return form_page(request, FollowForm, "participation/follow.html", context, save)


@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """The link in the confirmation mail: a button, so that a mail scanner opening the link
    confirms nothing."""
    follow = get_object_or_404(Follow, token=token)
    if request.method == "POST":
        follows.confirm(follow)
    context = {"follow": follow, "description": follows.describe(follow.query, get_language())}
    return render(request, "participation/confirm.html", context)


@csrf_exempt  # a mail program's one-click POST has no CSRF token; the secret token is the check
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """The link in every mail. GET asks with one button; POST (the button, or a mail program's
    own one-click unsubscribe, RFC 8058) deletes the follow and its address."""
    if request.method == "POST":
        Follow.objects.filter(token=token).delete()
        return render(request, "participation/unsubscribed.html")
    follow = Follow.objects.filter(token=token).first()
    if follow is None:
        return render(request, "participation/unsubscribed.html")
    context = {"description": follows.describe(follow.query, get_language())}
    return render(request, "participation/unsubscribe.html", context)


def privacy(request):
    context = {
        "retention_days": settings.PARTICIPATION_RETENTION_DAYS,
        "unconfirmed_days": settings.PARTICIPATION_UNCONFIRMED_DAYS,
    }
    return render(request, "participation/privacy.html", context)


@rate_limited("search")
def feed(request):
    query_string, errors = follows.followed_query(request.GET)
    if errors:
        return render(request, "participation/follow.html", {"errors": errors}, status=400)
    return SearchFeed()(request, query_string=query_string)
