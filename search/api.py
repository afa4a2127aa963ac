"""The JSON search API: `/api/search/` and `/api/search/suggest/`, as DRF views whose query
parameters and answers are serializers, so that `/api/schema/` describes exactly what they do.

Public and read-only: they authenticate no one (REST_FRAMEWORK in the settings: a password sent
along is never checked), answer JSON only, and are rate-limited per client.
"""

from django.conf import settings
from django.utils.decorators import method_decorator
from drf_spectacular.utils import extend_schema
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from base.languages import DEFAULT_LANGUAGE
from config.rate_limits import rate_limited

from .client import NOT_BUILT, UNAVAILABLE, get_client
from .params import SearchQuery, SuggestQuery, error_messages, query_data
from .query import build_suggest
from .results import result_from_hit, run_search, with_engine_timing
from .serializers import Error, SearchAnswer, SuggestAnswer


def error(message, status):
    return Response(Error({"error": message}).data, status=status)


class PublicAPIView(APIView):
    permission_classes = []
    renderer_classes = [JSONRenderer]

    def validated(self, serializer_class):
        """The request's query parameters, validated, or None with `self.refusal` set."""
        query = serializer_class(data=query_data(self.request.query_params))
        if query.is_valid():
            return query
        self.refusal = error(" ".join(error_messages(query.errors)), 400)
        return None


@method_decorator(rate_limited("search"), name="dispatch")
class SearchView(PublicAPIView):
    @extend_schema(
        summary="Search programmes and methods",
        parameters=[SearchQuery],
        responses={200: SearchAnswer, 400: Error, 404: Error},
    )
    def get(self, request):
        """One page of results with the facets' counts. 404 for a page past the last one."""
        query = self.validated(SearchQuery)
        if query is None:
            return self.refusal
        params = query.search_params(language="da")
        results = run_search(params)
        if params.page > results.last_page:
            return error(f"Page {params.page} is past the last page ({results.last_page}).", 404)
        answer = {
            "count": results.count,
            "count_exact": results.count_exact,
            "page": params.page,
            "results": results.results,
            "facets": results.facets,
            "did_you_mean": results.did_you_mean,
            "engine_available": results.engine_available,
        }
        return with_engine_timing(Response(SearchAnswer(answer).data), results)


@method_decorator(rate_limited("suggest"), name="dispatch")
class SuggestView(PublicAPIView):
    @extend_schema(
        summary="Titles to complete what has been typed so far",
        parameters=[SuggestQuery],
        responses={200: SuggestAnswer, 400: Error},
    )
    def get(self, request):
        """Up to eight titles; none for an empty text."""
        query = self.validated(SuggestQuery)
        if query is None:
            return self.refusal
        text = query.validated_data.get("q", "").strip()
        language = query.validated_data.get("lang") or DEFAULT_LANGUAGE
        if not text:
            return Response(SuggestAnswer({"suggestions": [], "engine_available": True}).data)
        search = build_suggest(text, settings.ELASTICSEARCH_INDEX)
        try:
            response = get_client().search(
                index=settings.ELASTICSEARCH_INDEX, body=search.to_dict()
            )
        except (*UNAVAILABLE, NOT_BUILT):
            return Response(SuggestAnswer({"suggestions": [], "engine_available": False}).data)
        hits = response["hits"]["hits"]
        suggestions = [result_from_hit(hit, language) for hit in hits]
        answer = {"suggestions": suggestions, "engine_available": True}
        return Response(SuggestAnswer(answer).data)
