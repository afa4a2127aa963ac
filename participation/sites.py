"""An approved experience becomes one of the page's implementation sites, through moderation.

A site (`knowledge.models.ImplementationSite`) is an inline of the page, stored in its revisions:
a row written into the table directly would be dropped by the page's next publish. So approving
an experience adds the site to a new revision of the page, built on the latest revision (not the
live one, so an editor's unpublished draft is kept), and that revision goes through the page's
moderation like an editor's change. The approver never publishes it directly, even one who may
publish: the new revision may carry someone else's unreviewed work, and the rating hooks and
reviewers see the page only through the workflow.

What happens to the new revision depends on the page (`Outcome`):
- a workflow in progress: the revision joins it; the workflow publishes the latest revision
  when its last task is approved;
- unpublished changes and no workflow in progress (an editor's draft, or a workflow sent back for
  changes): the revision stays the page's draft, not submitted, since submitting would send the
  editor's unfinished work to moderation in the approver's name; it goes with their submission;
- nothing unpublished: the revision is submitted to the page's workflow; without a workflow it
  stays a draft for an editor who may publish.

The site carries what the experience says of the work: area, years, organisation (as text) and
the text, in its own language, as "what was learnt". It never carries the sender's e-mail
address: the site's contact is "a unit or function, not a person", the page's revisions are kept
for good and published, and the retention job could not erase an address from them. Editors
fill in a contact unit if they want one.
"""

import enum

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils.translation import gettext_lazy as _

from knowledge.models import ImplementationSite


class Outcome(enum.Enum):
    JOINED = _(
        "It was added to the page as an implementation site, in the version that is in "
        "moderation; it is published when that version is approved."
    )
    DRAFT = _(
        "It was added to the page's draft as an implementation site. The draft has an editor's "
        "unpublished changes, so it was not submitted: it goes to moderation with them."
    )
    SUBMITTED = _(
        "It was added to the page as an implementation site, and the new version was submitted "
        "for moderation."
    )
    NO_WORKFLOW = _(
        "It was added to the page's draft as an implementation site. The page has no moderation "
        "workflow: an editor who may publish must publish it."
    )


#: The experience's field that each field of the site is made from, where the names differ.
FROM_EXPERIENCE = {"organisation_name": "organisation"}
#: Site fields that have the same name on the experience. The area is the experience's own
#: required field, checked there.
KEPT = {"start_year", "end_year"}


def site_from(experience, sort_order=None):
    """The unsaved site that `experience` describes."""
    return ImplementationSite(
        sort_order=sort_order,
        area_id=experience.area_id,
        start_year=experience.start_year,
        end_year=experience.end_year,
        organisation_name=experience.organisation,
        **{f"learnt_{experience.language}": experience.text},
    )


def validate(experience):
    """Raise the site model's own ValidationError, with the experience's field names."""
    try:
        site_from(experience).full_clean(exclude=["page", "sort_order", "area"])
    except ValidationError as error:
        errors = {}
        for name, messages in error.message_dict.items():
            field = FROM_EXPERIENCE.get(name) or (name if name in KEPT else NON_FIELD_ERRORS)
            errors.setdefault(field, []).extend(messages)
        raise ValidationError(errors) from error


def refusal(experience, user):
    """Why `user` may not add this experience to its page, or None when they may."""
    page = experience.page.specific
    if not page.permissions_for_user(user).can_edit():
        return _("You may not edit the page, so you cannot add the experience to it.")
    lock = page.get_lock()
    if lock is not None and lock.for_user(user):
        return lock.get_message(user)
    return None


@transaction.atomic
def add_to_page(experience, user):
    """Add the experience's site to a new revision of its page; record and return the outcome
    (None when another approval of it came first)."""
    if type(experience).objects.select_for_update().get(pk=experience.pk).revision_id:
        return None
    page = experience.page.specific
    draft = page.get_latest_revision_as_object()
    last = max((site.sort_order or 0 for site in draft.implementation_sites.all()), default=-1)
    draft.implementation_sites.add(site_from(experience, sort_order=last + 1))
    in_progress = page.workflow_in_progress
    had_changes = page.has_unpublished_changes
    revision = draft.save_revision(user=user, log_action=True)
    experience.revision = revision
    experience.save(update_fields=["revision"])
    if in_progress:
        return Outcome.JOINED
    if had_changes:
        return Outcome.DRAFT
    workflow = page.get_workflow()
    if workflow is None:
        return Outcome.NO_WORKFLOW
    workflow.start(draft, user)
    return Outcome.SUBMITTED
