"""A rating goes live only after a second reviewer, and every rating that went live is kept.

CrimeSolutions has two reviewers score each programme; here the second is a Wagtail workflow
task, `EvidenceReviewTask`: members of the "Evidence reviewers" group approve it, never the
author of the change under review. A change that leaves the rating as it was passes the task at
once, so a correction of a typo does not wait for a reviewer. Publishing directly, past the
workflow, is refused for a changed rating (`knowledge.wagtail_hooks`).

`RatingRecord` is the rating history the page shows: one row per rating that went live, with
when it was rated and reviewed, and by which role (not by name: the public sees the process,
not the people).
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, TaskState

from .evidence import EvidenceLevel, MarylandScale, rating_summary

#: The group whose members may approve a rating.
EVIDENCE_REVIEWERS = "Evidence reviewers"
MODERATORS = "Moderators"  # created by Wagtail's own migrations


class Role(models.TextChoices):
    EDITOR = "editor", _("an editor")
    MODERATOR = "moderator", _("a moderator")
    EVIDENCE_REVIEWER = "evidence_reviewer", _("an evidence reviewer")
    ADMINISTRATOR = "administrator", _("an administrator")


def role_of(user):
    """The role a user acts in, as the history names it; "" when no one (a script) acted."""
    if user is None:
        return ""
    names = set(user.groups.values_list("name", flat=True))
    if EVIDENCE_REVIEWERS in names:
        return Role.EVIDENCE_REVIEWER
    if MODERATORS in names:
        return Role.MODERATOR
    return Role.ADMINISTRATOR if user.is_superuser else Role.EDITOR


def rating_fingerprint(page):
    """What makes up a page's rating, as JSON: its level, its studies' design, place, outcomes
    and findings, and the EMMIE strengths. Texts are left out: a translation is not a new rating.
    """
    return {
        "level": page.evidence_level,
        "studies": [
            [study.citation, study.sms_level, study.place, study.outcome, study.direction]
            for study in page.studies.all()
        ],
        "emmie": [
            page.emmie_effect_strength,
            page.emmie_mechanism_strength,
            page.emmie_moderators_strength,
            page.emmie_implementation_strength,
            page.emmie_economic_strength,
        ],
    }


#: The rating of a page no one has rated: not evaluated, no studies, no EMMIE strengths.
UNRATED = {"level": EvidenceLevel.NOT_EVALUATED.value, "studies": [], "emmie": [""] * 5}


def current_fingerprint(page_id):
    """The rating that is live for the page: its last record's, or UNRATED."""
    record = RatingRecord.objects.filter(page_id=page_id).order_by("-reviewed_at").first()
    return record.fingerprint if record else UNRATED


def rating_changed(page):
    """Whether this version of the page (with its rows) rates it differently from the live one."""
    return rating_fingerprint(page) != current_fingerprint(page.pk)


class RatingRecord(models.Model):
    """A rating that went live: what it said, when it was rated and reviewed, by which role."""

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="rating_records"
    )
    evidence_level = models.PositiveSmallIntegerField(
        _("evidence level"), choices=EvidenceLevel.choices
    )
    best_design = models.PositiveSmallIntegerField(
        _("best design"), choices=MarylandScale.choices, null=True, blank=True
    )
    robust_studies = models.PositiveSmallIntegerField(_("robust studies"), default=0)
    places = models.PositiveSmallIntegerField(_("places"), default=0)
    fingerprint = models.JSONField(default=dict)
    rated_at = models.DateTimeField(_("rated"))
    rated_by = models.CharField(_("rated by"), max_length=20, choices=Role.choices, blank=True)
    reviewed_at = models.DateTimeField(_("reviewed"))
    reviewed_by = models.CharField(
        _("reviewed by"), max_length=20, choices=Role.choices, blank=True
    )

    class Meta:
        ordering = ["-reviewed_at"]
        verbose_name = _("rating")
        verbose_name_plural = _("rating history")

    def __str__(self):
        return f"{self.get_evidence_level_display()} ({self.reviewed_at:%Y-%m-%d})"

    @classmethod
    def record_if_changed(cls, page, revision):
        """Keep the rating `page` went live with, if it differs from the last one kept."""
        fingerprint = rating_fingerprint(page)
        if fingerprint == current_fingerprint(page.pk):
            return None
        approval = (
            TaskState.objects.filter(
                revision=revision,
                task__in=EvidenceReviewTask.objects.all(),
                status=TaskState.STATUS_APPROVED,
            )
            .select_related("finished_by")
            .order_by("-finished_at")
            .first()
        )
        return cls.objects.create(
            page=page,
            evidence_level=page.evidence_level,
            **rating_summary([study.facts for study in page.studies.all()]),
            fingerprint=fingerprint,
            rated_at=revision.created_at,
            rated_by=role_of(revision.user),
            reviewed_at=approval.finished_at if approval else timezone.now(),
            reviewed_by=role_of(approval.finished_by) if approval else "",
        )


class EvidenceReviewTask(AbstractGroupApprovalTask):
    """Approval of a changed rating by a member of the chosen groups who did not make it."""

    def start(self, workflow_state, user=None):
        task_state = super().start(workflow_state, user=user)
        if not rating_changed(task_state.revision.as_object()):
            task_state.status = TaskState.STATUS_SKIPPED
            task_state.save(update_fields=["status"])
        return task_state

    def get_actions(self, obj, user):
        task_state = obj.current_workflow_task_state
        if task_state and is_author(user, task_state):
            return []
        return super().get_actions(obj, user)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        return states.exclude(revision__user=user).exclude(workflow_state__requested_by=user)

    @classmethod
    def get_description(cls):
        return _("A second reviewer, not the author of the change, approves a changed rating")

    class Meta:
        verbose_name = _("evidence review")
        verbose_name_plural = _("evidence reviews")


def is_author(user, task_state):
    """Whether `user` wrote the version under review or submitted it."""
    return user.pk in (task_state.revision.user_id, task_state.workflow_state.requested_by_id)


def keep_rating(sender, instance, revision, **kwargs):
    """`page_published` receiver: the rating history keeps the rating that went live."""
    RatingRecord.record_if_changed(instance, revision)
