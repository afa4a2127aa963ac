"""The JSON search API: `/api/search/`, `/api/search/suggest/`, and its OpenAPI schema."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.http import require_GET

from config.rate_limits import rate_limited
from knowledge.languages import DEFAULT_LANGUAGE, LANGUAGES

from .client import NOT_BUILT, UNAVAILABLE, get_client
from .openapi import SCHEMA
from .params import MAX_QUERY_LENGTH, SearchForm
from .query import build_suggest
from .results import result_from_hit, run_search


def error(message, status):
    return JsonResponse({"error": message}, status=status)


@require_GET
@rate_limited("search")
def search(request):
    form = SearchForm(request.GET, language=request.GET.get("lang") or "da")
    if not form.is_valid():
        return error(" ".join(str(e) for errors in form.errors.values() for e in errors), 400)
    params = form.params()
    results = run_search(params)
    if params.page > results.last_page:
        return error(f"Page {params.page} is past the last page ({results.last_page}).", 404)
    return JsonResponse(
        {
            "count": results.count,
            "page": params.page,
            "results": [result.as_json() for result in results.results],
            "facets": {
                name: [{k: v[k] for k in ("value", "label", "count")} for v in values]
                for name, values in results.facets.items()
            },
            "did_you_mean": results.did_you_mean,
            "engine_available": results.engine_available,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
@rate_limited("suggest")
def suggest(request):
    text = request.GET.get("q", "").strip()
    language = request.GET.get("lang") if request.GET.get("lang") in LANGUAGES else DEFAULT_LANGUAGE
    if len(text) > MAX_QUERY_LENGTH:
        return error(f"The text is too long: use at most {MAX_QUERY_LENGTH} characters.", 400)
    if not text:
        return JsonResponse({"suggestions": []})
    search = build_suggest(text, settings.ELASTICSEARCH_INDEX)
    try:
        response = get_client().search(index=settings.ELASTICSEARCH_INDEX, body=search.to_dict())
    except (*UNAVAILABLE, NOT_BUILT):
        return JsonResponse({"suggestions": [], "engine_available": False})
    suggestions = [
        {"title": result.title, "url": result.url, "type": result.type}
        for result in (result_from_hit(hit, language) for hit in response["hits"]["hits"])
    ]
    return JsonResponse({"suggestions": suggestions}, json_dumps_params={"ensure_ascii": False})


@require_GET
def schema(request):
    return JsonResponse(SCHEMA, json_dumps_params={"ensure_ascii": False, "indent": 2})
