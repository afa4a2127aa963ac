"""The participation jobs the indexing worker runs on its schedule (`WORKER_PERIODIC_JOBS`)."""

from django.utils import timezone
from wagtail.models import Page

from base.visibility import publicly_visible

from . import follows, mail, retention
from .models import Proposal


def weekly_digests():
    follows.send_digests()


def tell_proposers():
    """Mail each proposer who asked for it once their proposal's page is public."""
    waiting = Proposal.objects.filter(
        notify=True, notified_at__isnull=True, page__in=publicly_visible(Page.objects)
    ).exclude(email="")
    for proposal in waiting.select_related("page"):
        mail.proposal_published(proposal)
        Proposal.objects.filter(pk=proposal.pk).update(notified_at=timezone.now())


def delete_expired_personal_data():
    """What `manage.py delete_expired_personal_data` does."""
    retention.delete_expired()
