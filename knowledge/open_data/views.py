"""The open-data endpoints: the exports, their schema, and the feeds with a clear 404."""

from django.http import FileResponse, StreamingHttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_safe

from config.rate_limits import rate_limited

from ..models import Theme
from .export import EXPORTS, SCHEMA_PATH
from .feeds import ProgrammeFeed

CONTENT_TYPES = {"json": "application/json", "csv": "text/csv; charset=utf-8"}

programme_feed = ProgrammeFeed()


@require_safe
@rate_limited("export")
def export(request, export_format):
    return StreamingHttpResponse(
        EXPORTS[export_format](),
        content_type=CONTENT_TYPES[export_format],
        headers={"Content-Disposition": f'inline; filename="bro-export.{export_format}"'},
    )


@require_safe
def export_schema(request):
    return FileResponse(SCHEMA_PATH.open("rb"), content_type="application/schema+json")


def theme_feed(request, slug):
    """One theme's feed; an unknown theme gets a page that says so and lists the real ones."""
    theme = Theme.objects.filter(slug=slug).first()
    if theme is None:
        context = {"slug": slug, "themes": Theme.objects.all()}
        return render(request, "knowledge/open_data/unknown_theme.html", context, status=404)
    return programme_feed(request, theme=theme)
