"""Admin forms for programme and method pages: checks that need the inline rows too.

A page field cannot see its inline rows (studies, partners), so these checks live on the form,
where the editor gets the message next to the field, in the admin's language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from .models.evidence import EvidenceLevel, StudyFacts, unmet_requirement


def kept_rows(formset):
    """The cleaned rows of an inline formset that the editor has not marked for deletion."""
    if formset is None or not formset.is_valid():
        return []
    return [
        form.cleaned_data
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]


class KnowledgePageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        level = cleaned_data.get("evidence_level")
        studies = [
            StudyFacts(row.get("sms_level"), row.get("direction", ""), row.get("place", ""))
            for row in kept_rows(self.formsets.get("studies"))
        ]
        requirement = level is not None and unmet_requirement(int(level), studies)
        if requirement:
            self.add_error(
                "evidence_level",
                _(
                    "The evidence level “%(level)s” needs %(requirement)s "
                    "The studies given do not meet that: add or complete the studies under "
                    "Studies (their design on the Maryland scale, where they were done, what "
                    "they found), or choose a lower level."
                )
                % {"level": EvidenceLevel(level).label, "requirement": requirement.text},
            )
        return cleaned_data


class ProgrammePageForm(KnowledgePageForm):
    def clean(self):
        cleaned_data = super().clean()
        partners = kept_rows(self.formsets.get("partners"))
        if not any(row.get("role") == "lead" for row in partners):
            self.add_error(
                None,
                _("A programme needs a lead organisation: add a partner with the role “Lead”."),
            )
        return cleaned_data
