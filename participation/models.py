"""What practitioners send in, and the follows of a search.

Personal data is kept only where the sender needs an answer: an e-mail address (and a name for a
proposal), never shown on the site. `retention.py` erases it once `PARTICIPATION_RETENTION_DAYS`
have passed; what was said about the work itself stays, as it is about the programme, not about
the person.
"""

import secrets

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page


class Kind(models.TextChoices):
    PROGRAMME = "programme", _("A programme")
    METHOD = "method", _("A method")


class SentIn(models.Model):
    """What every message from a visitor has: its language, when it came, an address to answer."""

    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    received_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    email = models.EmailField(_("e-mail address"), blank=True)

    class Meta:
        abstract = True
        ordering = ["-received_at"]


class Proposal(SentIn):
    """A programme or method a visitor proposes; it becomes a draft page for editors to finish.

    The draft is in the proposer's language, in the country section they chose; editors complete
    it and publish it through moderation. The proposer is told when it is published, if they said
    yes to that.
    """

    kind = models.CharField(_("programme or method"), max_length=10, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=255)
    description = models.TextField(_("what it is"), max_length=5000)
    place = models.CharField(_("where"), max_length=255)
    country = models.CharField(
        _("country"), max_length=2, choices=[("DK", _("Denmark")), ("SE", _("Sweden"))]
    )
    organisation = models.CharField(_("who runs it"), max_length=255)
    source_url = models.URLField(_("link to a source"), blank=True)
    source_file = models.FileField(_("source file"), upload_to="proposals/", blank=True)
    name = models.CharField(_("name"), max_length=255, blank=True)
    notify = models.BooleanField(_("tell me when it is published"), default=False)
    notified_at = models.DateTimeField(_("told of publication"), null=True, blank=True)
    page = models.OneToOneField(
        Page,
        verbose_name=_("draft page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="proposal",
    )

    panels = [
        HelpPanel(template="participation/admin/proposal_help.html"),
        FieldPanel("kind", read_only=True),
        FieldPanel("title", read_only=True),
        FieldPanel("description", read_only=True),
        FieldRowPanel([FieldPanel("place", read_only=True), FieldPanel("country", read_only=True)]),
        FieldPanel("organisation", read_only=True),
        FieldRowPanel(
            [FieldPanel("source_url", read_only=True), FieldPanel("source_file", read_only=True)]
        ),
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("notify", read_only=True),
                FieldPanel("notified_at", read_only=True),
            ],
            heading=_("Contact"),
        ),
    ]

    class Meta(SentIn.Meta):
        verbose_name = _("proposal")
        verbose_name_plural = _("proposals")

    def __str__(self):
        return self.title


class ReviewRequest(SentIn):
    """A visitor asks editors to look again at a page's facts or its evidence rating."""

    class Topic(models.TextChoices):
        FACTS = "facts", _("The facts")
        RATING = "rating", _("The evidence rating")

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="review_requests"
    )
    topic = models.CharField(_("what to review"), max_length=10, choices=Topic.choices)
    reason = models.TextField(_("reason"), max_length=5000)
    handled = models.BooleanField(_("handled"), default=False)

    panels = [
        HelpPanel(template="participation/admin/page_link.html"),
        FieldPanel("topic", read_only=True),
        FieldPanel("reason", read_only=True),
        FieldPanel("email", read_only=True),
        FieldPanel("handled"),
    ]

    class Meta(SentIn.Meta):
        verbose_name = _("review request")
        verbose_name_plural = _("review requests")

    def __str__(self):
        return f"{self.get_topic_display()}: {self.page.title}"


class Experience(SentIn):
    """Local experience of running a programme or method: where, when, what was changed and learnt.

    Shown on the page as an implementation experience once a moderator approves it. It is what
    a visitor says of one place where the work has run; knowledge's `ImplementationSite` is what
    editors record of one, an inline of the page that goes through its moderation and needs an
    area term. An approved experience is not written there directly: a row added outside a
    revision would be dropped by the page's next publish. Turning one into a site belongs in the
    page's next revision (not done yet).
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved: shown on the page")
        REJECTED = "rejected", _("Rejected")

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="experiences"
    )
    place = models.CharField(_("where"), max_length=255)
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from (year)"))
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    text = models.TextField(_("what we changed and learnt"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )

    panels = [
        HelpPanel(template="participation/admin/page_link.html"),
        FieldPanel("place"),
        FieldPanel("organisation"),
        FieldRowPanel([FieldPanel("start_year"), FieldPanel("end_year")]),
        FieldPanel("text"),
        FieldPanel("email", read_only=True),
        FieldPanel("status"),
    ]

    class Meta(SentIn.Meta):
        verbose_name = _("experience")
        verbose_name_plural = _("experiences")

    def __str__(self):
        return f"{self.place}: {self.page.title}"

    @property
    def period(self):
        """ "2021–2023", "2021–" while it goes on, "2021" for one year."""
        if self.end_year == self.start_year:
            return str(self.start_year)
        return f"{self.start_year}–{self.end_year or ''}"


def new_token():
    return secrets.token_urlsafe(32)


class Follow(models.Model):
    """An e-mail address that follows a search; a weekly digest once the address confirmed it.

    `query` is the search's query string as the search page reads it, so the digest runs the
    same search. The token in the links of every mail is all that confirms or ends the follow: no
    account. Unsubscribing deletes the row, address and all.
    """

    email = models.EmailField(_("e-mail address"))
    query = models.CharField(_("search"), max_length=2000, blank=True)
    language = models.CharField(_("language"), max_length=2, choices=settings.LANGUAGES)
    token = models.CharField(max_length=64, unique=True, default=new_token, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    confirmed_at = models.DateTimeField(null=True, blank=True)
    #: What the last digest covered up to; the next one lists what was published after.
    covered_until = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("follow")
        verbose_name_plural = _("follows")

    def __str__(self):
        return self.query or "*"
