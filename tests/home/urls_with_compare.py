"""The site's URLs plus a stand-in `compare` view, for the navigation test."""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import path

from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    *i18n_patterns(path("compare/", lambda request: HttpResponse("compare"), name="compare")),
    *site_urlpatterns,
]
