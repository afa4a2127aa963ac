"""What practitioners send in, and the follows of a search.

Personal data is kept only where the sender needs an answer: an e-mail address (and a name for a
proposal), never shown on the site. `retention.py` erases it once `PARTICIPATION_RETENTION_DAYS`
have passed; what was said about the work itself stays, as it is about the programme, not about
the person.
"""

import secrets

from django import forms
from django.conf import settings
from django.db import models, transaction
from django.db.models.signals import post_delete
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, HelpPanel, MultiFieldPanel
from wagtail.models import Page, Revision

from knowledge.models import Area

from . import sites
from .storage import private_uploads


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
    #: Unvetted files from the public: kept apart from the public media (storage.py).
    source_file = models.FileField(
        _("source file"), upload_to="proposals/", storage=private_uploads, blank=True
    )
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


@receiver(post_delete, sender=Proposal)
def delete_source_file(sender, instance, **kwargs):
    """A deleted proposal takes its file with it, once the deletion is committed."""
    if instance.source_file:
        name, storage = instance.source_file.name, instance.source_file.storage
        transaction.on_commit(lambda: storage.delete(name))


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

    Once a moderator approves it, it becomes one of the page's implementation sites
    (knowledge's `ImplementationSite`) in a new revision of the page that goes through the
    page's moderation (sites.py); `revision` is that revision. It is checked by the site model's
    own rules, so what a visitor may send is what a site may hold.
    """

    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting for moderation")
        APPROVED = "approved", _("Approved: added to the page")
        REJECTED = "rejected", _("Rejected")

    page = models.ForeignKey(
        Page, verbose_name=_("page"), on_delete=models.CASCADE, related_name="experiences"
    )
    area = models.ForeignKey(
        Area,
        verbose_name=_("area"),
        null=True,  # experiences sent before the form asked for one; set it before approving
        on_delete=models.PROTECT,
        related_name="+",
    )
    place = models.CharField(
        _("town or district"),
        max_length=255,
        blank=True,
        help_text=_("As the visitor wrote it; a moderator may add a finer area term from it."),
    )
    organisation = models.CharField(_("organisation"), max_length=255, blank=True)
    start_year = models.PositiveSmallIntegerField(_("from (year)"))
    end_year = models.PositiveSmallIntegerField(_("to (year)"), null=True, blank=True)
    text = models.TextField(_("what we changed and learnt"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    revision = models.ForeignKey(
        Revision,
        verbose_name=_("page version with the site"),
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    panels = [
        HelpPanel(template="participation/admin/experience_help.html"),
        # A plain select: Wagtail's snippet chooser answers a non-numeric value with a 500.
        FieldPanel("area", widget=forms.Select),
        FieldPanel("place", read_only=True),
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
        return f"{self.area or self.place}: {self.page.title}"

    def clean(self):
        super().clean()
        sites.validate(self)

    @property
    def site_is_live(self):
        """Whether the page's live version is the one with the site, or a later one."""
        live = self.page.live_revision_id
        return bool(self.revision_id and live and live >= self.revision_id)


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
