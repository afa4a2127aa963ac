from django.urls import path

from . import api, views
from .overview.views import overview_page

#: Under the language prefix (/da/search/ ...).
page_urls = [
    path("search/", views.search_page, name="search"),
    path("overview/", overview_page, name="overview"),
]

#: Language-neutral JSON endpoints.
api_urls = [
    path("api/search/", api.search, name="api-search"),
    path("api/search/suggest/", api.suggest, name="api-suggest"),
    path("api/schema/", api.schema, name="api-schema"),
]
