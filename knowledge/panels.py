"""An editor-facing panel that shows the page's translation gaps above the form."""

from django.utils.translation import get_language_info
from wagtail.admin.panels import Panel

from .translation_status import missing_translations


class TranslationStatusPanel(Panel):
    class BoundPanel(Panel.BoundPanel):
        template_name = "knowledge/admin/translation_status_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            missing = missing_translations(self.instance) if self.instance.pk else {}
            context["gaps"] = [
                {"language": get_language_info(lang)["name_translated"], "fields": fields}
                for lang, fields in missing.items()
            ]
            context["is_saved"] = bool(self.instance.pk)
            return context
