from django.urls import path

from . import views
from .api import api_router
from .export import EXPORTS

#: Under the language prefix (/da/feeds/programmes/ ...).
page_urls = [
    path("open-data/", views.open_data_page, name="open-data"),
    path("feeds/programmes/", views.programme_feed, name="programme-feed"),
    path("feeds/programmes/theme/<slug:slug>/", views.theme_feed, name="programme-theme-feed"),
]

#: Language-neutral: the API v2, the bulk exports, their schema and the catalogue record.
api_urls = [
    path("api/v2/", api_router.urls),
    *(
        path(
            f"api/open-data/{export.filename}",
            views.export,
            {"name": name},
            name=f"open-data-export-{name}",
        )
        for name, export in EXPORTS.items()
    ),
    path("api/open-data/export.schema.json", views.export_schema, name="open-data-schema"),
    path("api/open-data/catalogue.jsonld", views.catalogue_jsonld, name="open-data-catalogue"),
    path("api/open-data/catalogue.rdf", views.catalogue_rdf, name="open-data-catalogue-rdf"),
]
