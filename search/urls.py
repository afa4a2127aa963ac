from django.urls import path

from . import api, views
from .overview.views import overview_page
from .schema import SchemaView

#: Under the language prefix (/da/search/ ...).
page_urls = [
    path("search/", views.search_page, name="search"),
    path("overview/", overview_page, name="overview"),
]

#: The search API, which its schema describes.
search_api_urls = [
    path("api/search/", api.SearchView.as_view(), name="api-search"),
    path("api/search/suggest/", api.SuggestView.as_view(), name="api-suggest"),
]

#: Language-neutral JSON endpoints.
api_urls = [
    *search_api_urls,
    path("api/schema/", SchemaView.as_view(patterns=search_api_urls), name="api-schema"),
]
