"""The spam guard of the public forms: a honeypot field and a signed time stamp, no captcha.

A person fills a form in seconds at the least and sends it within a day; a bot fills every field
it finds, the hidden one too, and often posts at once or replays an old form. The time stamp is
signed with the site's key (`django.core.signing`), so a bot cannot make one up. Kept here rather
than taken from a package: django-honeypot covers the hidden field only, and the two checks are
a few lines on Django's own signing. The per-client rate limits (config/rate_limits.py) are the
third wall.
"""

import time

from django import forms
from django.conf import settings
from django.core import signing
from django.utils.translation import gettext_lazy as _

SALT = "participation.guard"


def stamp():
    return signing.dumps(time.time(), salt=SALT)


class GuardedForm(forms.Form):
    """A form with the two checks; the page renders `started` hidden and `website` out of sight."""

    started = forms.CharField(widget=forms.HiddenInput)
    #: The honeypot: hidden from people (and from assistive technology), filled by bots.
    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["started"] = stamp()

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("This field must be left empty."))
        return ""

    def clean_started(self):
        try:
            started = signing.loads(
                self.cleaned_data["started"],
                salt=SALT,
                max_age=settings.PARTICIPATION_FORM_MAX_SECONDS,
            )
        except signing.SignatureExpired:
            raise forms.ValidationError(
                _("The form was open too long. Send it again, your text is kept.")
            ) from None
        except signing.BadSignature:
            raise forms.ValidationError(_("The form was damaged. Send it again.")) from None
        if time.time() - float(started) < settings.PARTICIPATION_FORM_MIN_SECONDS:
            raise forms.ValidationError(
                _("The form was sent too fast. Check your text and send it again.")
            )
        return started

    def add_error(self, field, error):
        """A refused time stamp gets a fresh one, so sending again can succeed."""
        super().add_error(field, error)
        if field == "started":
            self.data = self.data.copy()
            self.data[self.add_prefix("started")] = stamp()
