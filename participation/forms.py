"""The public forms: propose, ask for a review, share experience, follow a search.

Each is a `GuardedForm` (guard.py). Labels and help texts are what the page shows; the template
`participation/includes/form.html` ties each error and help text to its field.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from knowledge.models import Area

from . import sites
from .guard import GuardedForm
from .models import Experience, Kind, Proposal, ReviewRequest
from .uploads import validate_source_file

EMAIL_HELP = _("Only to answer you; never shown or passed on. See the privacy note.")


class ProposalForm(GuardedForm):
    kind = forms.ChoiceField(label=_("Is it a programme or a method?"), choices=Kind.choices)
    title = forms.CharField(label=_("Title"), max_length=255)
    description = forms.CharField(
        label=_("What it is"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is done, for whom, and what it aims at."),
    )
    place = forms.CharField(
        label=_("Where"), max_length=255, help_text=_("A town, municipality or police district.")
    )
    country = forms.ChoiceField(
        label=_("Country"), choices=Proposal._meta.get_field("country").choices
    )
    organisation = forms.CharField(label=_("Who runs it"), max_length=255)
    source_url = forms.URLField(
        label=_("Link to a source"),
        required=False,
        assume_scheme="https",
        help_text=_("A report, web page or decision that describes it. A link or a file."),
    )
    source_file = forms.FileField(
        label=_("Or a source file"),
        required=False,
        validators=[validate_source_file],
        help_text=_("PDF, Word, OpenDocument, PowerPoint, Excel, RTF or text; at most 10 MB."),
    )
    name = forms.CharField(label=_("Your name (optional)"), max_length=255, required=False)
    email = forms.EmailField(label=_("Your e-mail address"), help_text=EMAIL_HELP)
    notify = forms.BooleanField(
        label=_("Send me an e-mail when the page is published"), required=False
    )

    def clean(self):
        data = super().clean()
        if not data.get("source_url") and not data.get("source_file") and not self.errors:
            self.add_error(
                "source_url", _("Give a link to a source, or attach a file, so editors can check.")
            )
        return data


class ReviewRequestForm(GuardedForm):
    topic = forms.ChoiceField(
        label=_("What should be reviewed?"),
        choices=ReviewRequest.Topic.choices,
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Why"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("What is wrong or missing, and where the right facts can be found."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"), required=False, help_text=EMAIL_HELP
    )


class YearField(forms.IntegerField):
    """A year in the digits 0–9 only: `int()` would also read "٢٠٢١" as 2021."""

    def to_python(self, value):
        if value not in self.empty_values and not (str(value).isascii()):
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return super().to_python(value)


class ExperienceForm(GuardedForm):
    area = forms.ModelChoiceField(
        label=_("Where did you run it?"),
        queryset=Area.objects.order_by("country", "kind", "name"),
        help_text=_(
            "The municipality, police district, region or county; if yours is not in the list, "
            "the one it is part of."
        ),
    )
    place = forms.CharField(
        label=_("Town or district (optional)"),
        max_length=255,
        required=False,
        help_text=_("Seen by the moderators only, who may add it to the list."),
    )
    organisation = forms.CharField(
        label=_("Organisation (optional)"), max_length=255, required=False
    )
    start_year = YearField(label=_("From (year)"), min_value=1950)
    end_year = YearField(
        label=_("To (year)"),
        min_value=1950,
        required=False,
        help_text=_("Leave empty if it is still running."),
    )
    text = forms.CharField(
        label=_("What did you change, and what did you learn?"),
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Shown on the page once a moderator has read it."),
    )
    email = forms.EmailField(
        label=_("Your e-mail address (optional)"), required=False, help_text=EMAIL_HELP
    )

    def clean(self):
        data = super().clean()
        this_year = timezone.now().year
        for name in ("start_year", "end_year"):
            if (data.get(name) or 0) > this_year:
                self.add_error(name, _("The year cannot be in the future."))
        if not self.errors:
            try:  # the rules of the implementation site it may become
                Experience(language=get_language(), **stored_fields(self)).clean()
            except ValidationError as error:
                self.add_error(None, error)
        return data


class ExperienceAdminForm(WagtailAdminModelForm):
    """The moderators' form. Approving adds a site to the page (sites.py), so it needs the right
    to edit the page, and the page not locked for the moderator."""

    @property
    def approving(self):
        """Whether saving this form approves an experience that is not on its page yet."""
        status = self.cleaned_data.get("status")
        return status == Experience.Status.APPROVED and self.instance.revision_id is None

    def clean(self):
        data = super().clean()
        if self.approving:
            refusal = sites.refusal(self.instance, self.for_user)
            if refusal:
                self.add_error("status", refusal)
        return data


class FollowForm(GuardedForm):
    email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_(
            "We send a link to confirm; nothing is sent before you confirm. "
            "Every mail has a link to stop."
        ),
    )


#: The fields each form stores on its model, the same names on both.
STORED = {
    ProposalForm: Proposal,
    ReviewRequestForm: ReviewRequest,
    ExperienceForm: Experience,
}


def stored_fields(form):
    model = STORED[type(form)]
    names = {field.name for field in model._meta.fields}
    return {name: value for name, value in form.cleaned_data.items() if name in names}
