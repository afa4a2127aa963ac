"""An editor-facing panel above the form: the page's translation gaps, its machine drafts not yet
reviewed, and the offer to draft a missing language by machine where an offline engine exists."""

from django.urls import reverse
from wagtail.admin.panels import Panel

from base.languages import language_name

from .machine_translation import apertium
from .machine_translation.drafting import unreviewed
from .translation_status import LANGUAGES, has_text, missing_translations


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/admin/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            missing = missing_translations(page) if page.pk else {}
            context["gaps"] = [
                {"language": language_name(lang), "fields": fields}
                for lang, fields in missing.items()
            ]
            context["is_saved"] = bool(page.pk)
            context["drafts"] = self.drafts(page) if page.pk else []
            context["offers"], context["by_hand"] = self.offers(page, missing)
            return context

        def drafts(self, page):
            """The languages with machine-drafted texts that no editor has reviewed yet."""
            drafts = []
            for lang in LANGUAGES:
                if info := unreviewed(page, lang):
                    drafts.append(
                        {
                            "language": language_name(lang),
                            "from": ", ".join(language_name(code) for code in info["from"]),
                            "fields": info["fields"],
                            "reviewed_url": reverse(
                                "knowledge_machine_draft_reviewed", args=[page.pk, lang]
                            ),
                        }
                    )
            return drafts

        def offers(self, page, missing):
            """Machine drafts on offer for the missing languages, and those to translate by hand."""
            if not page.pk:
                return [], []
            written = [lang for lang in LANGUAGES if has_text(getattr(page, f"summary_{lang}"))]
            offers, by_hand = [], []
            for target in missing:
                sources = [lang for lang in written if apertium.can_translate(lang, target)]
                for source in sources:
                    offers.append(
                        {
                            "source": language_name(source).lower(),
                            "target": language_name(target).lower(),
                            "url": reverse(
                                "knowledge_machine_draft", args=[page.pk, source, target]
                            ),
                        }
                    )
                if not sources:
                    by_hand.append(language_name(target))
            return offers, by_hand
