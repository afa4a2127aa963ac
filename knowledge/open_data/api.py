"""Wagtail's API v2 at /api/v2/: published programme and method pages and nothing else.

Wagtail's own `title`, `slug` and `html_url` follow the active language; they are given in the
default language (Danish) whatever the client's Accept-Language, and the record fields give
every language explicitly (`title_sv`, `url_en`...). Wagtail's search parameter is switched
off in settings: its database backend mixes the languages; /api/search/ is the search API.
Every answer carries the data's licence in its `meta` (and in the `Link` header of every /api/
answer, licence.py).
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Page

from base.visibility import publicly_visible

from ..models import MethodPage, ProgrammePage
from .licence import licence_record
from .queries import with_relations

PAGE_MODELS = (ProgrammePage, MethodPage)


class KnowledgePagesAPIViewSet(PagesAPIViewSet):
    def dispatch(self, request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            return super().dispatch(request, *args, **kwargs)

    def listing_view(self, request):
        return with_licence(super().listing_view(request))

    def detail_view(self, request, pk):
        return with_licence(super().detail_view(request, pk))

    def get_base_queryset(self):
        # Wagtail lets a visitor who has passed a page's password see it; open data never does.
        return publicly_visible(super().get_base_queryset())

    def get_queryset(self):
        queryset = super().get_queryset()  # answers 400 for a type that does not exist
        requested = self.request.GET.get("type")
        if requested and not set(page_models_from_string(requested)) <= set(PAGE_MODELS):
            raise BadRequestError("type must be knowledge.ProgrammePage or knowledge.MethodPage")
        if queryset.model is Page:
            return queryset.type(*PAGE_MODELS)
        return with_relations(queryset)

    def filter_queryset(self, queryset):
        # A field filter whose value does not fit the column (?themes=x, ?last_reviewed=x)
        # fails inside Django's lookup, not in Wagtail's own checks.
        try:
            return super().filter_queryset(queryset)
        except (ValueError, ValidationError) as error:
            raise BadRequestError(f"field filter error: {error}") from error


def with_licence(response):
    response.data["meta"]["data_licence"] = licence_record()
    return response


api_router = WagtailAPIRouter("api_v2")
api_router.register_endpoint("pages", KnowledgePagesAPIViewSet)
