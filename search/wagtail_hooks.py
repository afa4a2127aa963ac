"""The thesaurus in the admin, so editors extend it without touching code; the similar
programmes on a programme page, added through the page's hook so `knowledge` need not know search.
"""

from django.conf import settings
from django.template.loader import render_to_string
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import ThesaurusConcept
from .similar import similar_across_border


class ThesaurusViewSet(SnippetViewSet):
    model = ThesaurusConcept
    icon = "list-ul"
    menu_label = ThesaurusConcept._meta.verbose_name_plural
    add_to_admin_menu = True
    menu_order = 310
    list_display = ["concept", "terms_da", "terms_sv", "terms_en"]
    search_fields = ["concept", "terms_da", "terms_sv", "terms_en"]


register_snippet(ThesaurusViewSet)


@hooks.register("programme_page_sections")
def similar_programmes(context):
    """Pages from the other country like this one (cached a while); nothing when search is down."""
    language = context.get("LANGUAGE_CODE") or settings.LANGUAGE_CODE
    similar = similar_across_border(context["page"], language, context.get("content_version"))
    if not similar:
        return ""
    return render_to_string("search/includes/similar_programmes.html", {"similar": similar})
