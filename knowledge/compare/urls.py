"""Under the language prefix: `/<lang>/compare/` and `/<lang>/compare/export/<csv|xlsx>/`."""

from django.urls import path, re_path

from . import views

urlpatterns = [
    path("", views.compare, name="compare"),
    re_path(r"^export/(?P<fmt>csv|xlsx)/$", views.compare_export, name="compare_export"),
]
