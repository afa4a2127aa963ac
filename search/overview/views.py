"""`/<lang>/overview/`: what a country or up to two areas do, side by side.

When Elasticsearch cannot answer, the page says so with a 503 and keeps the form: its counts
must be the search page's counts, and a database estimate would show other numbers.
"""

from django.shortcuts import render

from config.rate_limits import rate_limited
from knowledge.models import Area, Country, Organisation, Theme

from ..client import NOT_BUILT, UNAVAILABLE
from . import sections
from .aggregations import run_overview
from .forms import MAX_AREAS, OverviewForm

TEMPLATE = "search/overview.html"


def by_name(terms):
    return sorted(terms, key=lambda term: term.name.casefold())


def area_groups(areas):
    """The areas grouped by country, for the `<optgroup>`s of the area choices."""
    return [
        (Country(code).label, [area for area in areas if area.country == code])
        for code in Country.values
    ]


@rate_limited("overview")
def overview_page(request):
    areas = by_name(Area.objects.all())
    themes = by_name(Theme.objects.all())
    form = OverviewForm(request.GET, areas, themes)
    chosen = form.raw_areas[:MAX_AREAS]
    context = {
        "form": form,
        "area_groups": area_groups(areas),
        "area_choices": [chosen[n] if n < len(chosen) else "" for n in range(MAX_AREAS)],
    }
    if not form.is_valid():
        context["errors"] = [str(error) for errors in form.errors.values() for error in errors]
        return render(request, TEMPLATE, context, status=400)
    scopes = form.scopes()
    try:
        all_counts = run_overview(scopes)
    except (*UNAVAILABLE, NOT_BUILT):
        context["engine_unavailable"] = True
        return render(request, TEMPLATE, context, status=503)
    theme = form.cleaned_data["theme"]
    theme_rows = [(t.slug, t.name) for t in themes if not theme or t.slug == theme]
    slugs = {slug for counts in all_counts for slug in counts.organisations}
    names = {
        "organisations": {
            org.slug: org.name for org in Organisation.objects.filter(slug__in=slugs)
        },
        "areas": {area.slug: area.name for area in areas},
    }
    context["columns"] = sections.columns(scopes, all_counts, theme_rows, names)
    context["levels"] = sections.LEVELS
    context["strengths"] = sections.STRENGTHS
    context["cost_bands"] = sections.COST_BANDS
    context["statuses"] = sections.STATUSES
    return render(request, TEMPLATE, context)
