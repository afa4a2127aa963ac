"""Admin forms for programme and method pages: checks that need the inline rows too, and the
fields the page's original language makes required.

A page field cannot see its inline rows (studies, partners), so these checks live on the form,
where the editor gets the message next to the field, in the admin's language.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from base.languages import LANGUAGES

from . import original_language as original
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
    """Marks as required the title, slug and summary in the page's original language only.

    A new page in a country's section starts in that country's language (a Swedish editor
    writes in the Swedish section); the editor may choose another before writing.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.instance.pk and not self.is_bound and self.parent_page is not None:
            country = getattr(self.parent_page.specific, "country", None)
            if country in original.SECTION_LANGUAGE:
                self.initial["original_language"] = original.SECTION_LANGUAGE[country]
        self.fields["original_language"].help_text = _(
            "The language the page is written in first, usually its sources' language. Its "
            "title, slug and summary must be written in this language; every other language "
            "is optional and may be added later."
        )
        language = self.original_language()
        required = set(original.required_names(language))
        for name in original.REQUIRED_FIELDS:
            for code in LANGUAGES:
                field = self.fields.get(f"{name}_{code}")
                if field is None:
                    continue
                field.required = f"{name}_{code}" in required
                if field.required:
                    message = original.required_message(language)
                    field.error_messages["required"] = message
                    field.help_text = message

    def original_language(self):
        """The original language the editor has chosen, or the page's (or new page's) own."""
        chosen = self.data.get(self.add_prefix("original_language")) if self.is_bound else None
        if chosen in LANGUAGES:
            return chosen
        return self.initial.get("original_language") or self.instance.original_language

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
