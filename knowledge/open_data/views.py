"""The open-data endpoints: the exports, their schema, the catalogue record, the open-data page,
and the feeds with a clear 404.

The full exports are the files the indexing worker writes (files.py), served with `ETag` and
`Last-Modified` so a client that has the current one gets a 304. Before the worker's first
round there is no file: the answer is a 503 with `Retry-After` rather than building the
export in the request, which at 100,000 pages would outlast the server's timeout, once per
reader arriving meanwhile.
"""

import os

from django.http import FileResponse, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from config.rate_limits import rate_limited

from ..models import Theme
from . import catalogue, files
from .export import EXPORTS, SCHEMA_PATH
from .feeds import ProgrammeFeed
from .licence import LICENCE_NAME, LICENCE_URL, licence_record

#: Seconds to wait for the worker's first export: its first round writes it.
RETRY_AFTER = 60

programme_feed = ProgrammeFeed()


@require_safe
@rate_limited("export")
def export(request, name):
    try:
        file = files.path(name).open("rb")
    except FileNotFoundError:
        message = _("The export is being prepared. Please try again in a minute.")
        response = JsonResponse({"detail": message}, status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        return response
    stat = os.fstat(file.fileno())  # of the file opened, even if the worker replaces it now
    etag = f'"{stat.st_mtime_ns:x}-{stat.st_size:x}"'
    last_modified = int(stat.st_mtime)
    headers = {"ETag": etag, "Last-Modified": http_date(last_modified)}
    not_modified = get_conditional_response(request, etag=etag, last_modified=last_modified)
    if not_modified is not None:
        file.close()
        for name, value in headers.items():
            not_modified[name] = value
        return not_modified
    return FileResponse(
        file,
        content_type=EXPORTS[name].content_type,
        headers={
            **headers,
            "Content-Disposition": f'inline; filename="{files.path(name).name}"',
        },
    )


@require_safe
def export_schema(request):
    return FileResponse(SCHEMA_PATH.open("rb"), content_type="application/schema+json")


@require_safe
def catalogue_jsonld(request):
    return JsonResponse(
        catalogue.catalogue(),
        content_type="application/ld+json",
        json_dumps_params={"ensure_ascii": False},
    )


@require_safe
def catalogue_rdf(request):
    return HttpResponse(
        catalogue.as_rdf_xml(catalogue.catalogue()), content_type="application/rdf+xml"
    )


def open_data_page(request):
    """What the open data is, where to get it, on which licence, and what it leaves out."""
    context = {
        "exports": [
            (name, catalogue.DISTRIBUTIONS[name], reverse(f"open-data-export-{name}"))
            for name in EXPORTS
        ],
        "api": catalogue.DISTRIBUTIONS["api"],
        "licence_name": LICENCE_NAME,
        "licence_url": LICENCE_URL,
        "attribution": licence_record()["attribution"],
    }
    return render(request, "knowledge/open_data/open_data.html", context)


def theme_feed(request, slug):
    """One theme's feed; an unknown theme gets a page that says so and lists the real ones."""
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        context = {"slug": slug, "themes": Theme.objects.all()}
        return render(request, "knowledge/open_data/unknown_theme.html", context, status=404)
    return programme_feed(request, theme=theme)
