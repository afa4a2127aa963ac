"""Personal data is kept only as long as it serves the person who gave it.

After `PARTICIPATION_RETENTION_DAYS` the e-mail addresses and names of proposals, review
requests and experiences are erased, and so are the files sent with proposals (they may name
people, and nobody vetted them); what they say about the work stays. A follow never
confirmed is deleted after `PARTICIPATION_UNCONFIRMED_DAYS`. A confirmed follow keeps its
address while it is followed: unsubscribing deletes it. `manage.py delete_expired_personal_data`
runs this, and the worker runs it daily.
"""

from datetime import timedelta

from django.conf import settings
from django.utils import timezone

from .models import Experience, Follow, Proposal, ReviewRequest


def delete_expired(now=None):
    """Erase what is past its time; returns how many records were changed or deleted."""
    now = now or timezone.now()
    before = now - timedelta(days=settings.PARTICIPATION_RETENTION_DAYS)
    expired = Proposal.objects.filter(received_at__lt=before)
    changed = delete_source_files(expired)
    changed += expired.exclude(email="", name="").update(email="", name="", notify=False)
    for model in (ReviewRequest, Experience):
        changed += model.objects.filter(received_at__lt=before).exclude(email="").update(email="")
    unconfirmed = now - timedelta(days=settings.PARTICIPATION_UNCONFIRMED_DAYS)
    deleted, _by_model = Follow.objects.filter(
        confirmed_at__isnull=True, created_at__lt=unconfirmed
    ).delete()
    return changed + deleted


def delete_source_files(proposals):
    """Delete the files of `proposals` and forget them; returns how many proposals had one.

    The file goes first: a failure between the two leaves a row naming a file that is gone,
    which the next run clears, never a file that no row names and no run would find."""
    count = 0
    for proposal in proposals.exclude(source_file="").only("pk", "source_file"):
        proposal.source_file.storage.delete(proposal.source_file.name)
        Proposal.objects.filter(pk=proposal.pk).update(source_file="")
        count += 1
    return count
