from django.urls import path

from . import views
from .api import api_router

#: Under the language prefix (/da/feeds/programmes/ ...).
page_urls = [
    path("feeds/programmes/", views.programme_feed, name="programme-feed"),
    path("feeds/programmes/theme/<slug:slug>/", views.theme_feed, name="programme-theme-feed"),
]

#: Language-neutral: the API v2 and the bulk exports.
api_urls = [
    path("api/v2/", api_router.urls),
    path(
        "api/open-data/export.json",
        views.export,
        {"export_format": "json"},
        name="open-data-export-json",
    ),
    path(
        "api/open-data/export.csv",
        views.export,
        {"export_format": "csv"},
        name="open-data-export-csv",
    ),
    path("api/open-data/export.schema.json", views.export_schema, name="open-data-schema"),
]
