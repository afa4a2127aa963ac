"""The site's URLs plus the peers' search endpoints; mounted only by `benchmarks.settings`."""

from django.urls import path

from config.urls import urlpatterns as site_urls

from .peer_views import peer_search

urlpatterns = [
    path("bench/peer/<str:backend>/", peer_search, name="bench-peer-search"),
    *site_urls,
]
