"""The public search page: `/<lang>/search/?q=...&themes=...&page=...`."""

from django.http import Http404
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from config.rate_limits import rate_limited

from .documents import FACETS
from .params import SearchQuery, error_messages, query_data
from .results import run_search, with_engine_timing

#: The heading of each facet on the search page, in the order of FACETS.
FACET_TITLES = {
    "type": _("Programme or method"),
    "country": _("Country"),
    "areas": _("Areas"),
    "site_areas": _("Has run in"),
    "themes": _("Themes"),
    "target_groups": _("Target groups"),
    "arenas": _("Arenas"),
    "prevention": _("Prevention"),
    "evidence_level": _("Evidence"),
    "effect_strength": _("Evidence of the effect (EMMIE)"),
    "registries": _("Rated by other registries"),
    "cost_band": _("Cost"),
    "status": _("Status"),
    "organisations": _("Organisations"),
    "years": _("Years active"),
}


def query_string(request, **changes):
    """The current query string with some parameters changed (None removes one)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query.setlist(name, value if isinstance(value, list) else [value])
    return query.urlencode()


def toggled(request, name, value):
    """The query string with one facet value switched on or off, back on page 1."""
    values = request.GET.getlist(name)
    values = [v for v in values if v != value] if value in values else [*values, value]
    return "?" + query_string(request, **{name: values or None, "page": None})


@rate_limited("search")
def search_page(request):
    query = SearchQuery(data=query_data(request.GET))
    if not query.is_valid():
        context = {"errors": error_messages(query.errors), "q": request.GET.get("q", "")[:300]}
        return render(request, "search/search_page.html", context, status=400)
    params = query.search_params(language=get_language())
    results = run_search(params)
    if params.page > results.last_page:
        raise Http404("There is no such results page.")
    for name, values in results.facets.items():
        for value in values:
            value["toggle_url"] = toggled(request, name, value["value"])
    chips = [
        {"facet": name, "label": value["label"], "remove_url": value["toggle_url"]}
        for name in FACETS
        for value in results.facets.get(name, [])
        if value["selected"]
    ]
    context = {
        "q": params.q,
        "results": results,
        "facets": [
            (name, FACET_TITLES[name], results.facets[name])
            for name in FACETS
            if results.facets.get(name)
        ],
        "chips": chips,
        "previous_url": "?" + query_string(request, page=str(params.page - 1))
        if params.page > 1
        else "",
        "next_url": "?" + query_string(request, page=str(params.page + 1))
        if params.page < results.last_page
        else "",
    }
    return with_engine_timing(render(request, "search/search_page.html", context), results)
