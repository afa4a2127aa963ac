"""The thesaurus in the admin, so editors extend it without touching code."""

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ThesaurusConcept


class ThesaurusViewSet(SnippetViewSet):
    model = ThesaurusConcept
    icon = "list-ul"
    menu_label = ThesaurusConcept._meta.verbose_name_plural
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["concept", "terms_da", "terms_sv", "terms_en"]
    search_fields = ["concept", "terms_da", "terms_sv", "terms_en"]


register_snippet(ThesaurusViewSet)
