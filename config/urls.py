from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from base.sitemaps import sitemaps
from base.views import robots_txt
from knowledge.open_data import urls as open_data_urls
from knowledge.views.how_we_rate import how_we_rate
from search.urls import api_urls, page_urls

from .health import healthz
from .login_protection import authenticate_with_password

handler500 = "config.errors.server_error"

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("healthz", healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("robots.txt", robots_txt, name="robots"),
    *api_urls,
    *open_data_urls.api_urls,
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every public page lives under /da/, /sv/ or /en/; "/" redirects by the browser's language.
urlpatterns += i18n_patterns(
    *page_urls,
    *open_data_urls.page_urls,
    path("compare/", include("knowledge.compare.urls")),
    path("participate/", include("participation.urls")),
    path("how-we-rate/", how_we_rate, name="how-we-rate"),
    # Wagtail's page-password form, behind the login protection (before Wagtail's own route).
    path(
        "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/",
        authenticate_with_password,
        name="wagtailcore_authenticate_with_password",
    ),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
