"""The site's URLs plus a view that fails, to see the 500 page as a visitor would."""

from django.conf.urls.i18n import i18n_patterns
from django.urls import path

from config.urls import handler500
from config.urls import urlpatterns as site_urlpatterns


def fail(request):
    raise RuntimeError("a bug")


urlpatterns = [*i18n_patterns(path("fail/", fail)), *site_urlpatterns]
__all__ = ["handler500", "urlpatterns"]
