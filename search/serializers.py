"""The search API's answers as DRF serializers: the views render them, the schema shows them."""

from rest_framework import serializers

from base.languages import LANGUAGES

PAGE_TYPES = ["programme", "method"]


class Titles(serializers.Serializer):
    da = serializers.CharField()
    sv = serializers.CharField()
    en = serializers.CharField()


class Result(serializers.Serializer):
    id = serializers.IntegerField()
    type = serializers.ChoiceField(choices=PAGE_TYPES)
    url = serializers.CharField()
    title = serializers.CharField(help_text="In the reader's language, else the original.")
    titles = Titles()
    summary = serializers.CharField()
    country = serializers.ListField(child=serializers.ChoiceField(choices=["DK", "SE"]))
    original_language = serializers.ChoiceField(choices=LANGUAGES)
    evidence_level = serializers.IntegerField(min_value=0, max_value=6, allow_null=True)
    highlight = serializers.ListField(
        child=serializers.CharField(), help_text="Up to two fragments, HTML with <mark>."
    )


class FacetValue(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField(min_value=0)


class SearchAnswer(serializers.Serializer):
    count = serializers.IntegerField(
        min_value=0,
        help_text="The number of results; at least this many when count_exact is false.",
    )
    count_exact = serializers.BooleanField(
        help_text="False when there are more results than count (counting stops at 10,000)."
    )
    page = serializers.IntegerField(min_value=1)
    results = Result(many=True)
    facets = serializers.DictField(
        child=FacetValue(many=True), help_text="Per facet, its values with their counts."
    )
    did_you_mean = serializers.CharField(allow_blank=True)
    engine_available = serializers.BooleanField(
        help_text="False when the database answered instead of the search engine (no facets)."
    )


class Suggestion(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField(help_text="In the reader's language, else the original.")
    shown_language = serializers.ChoiceField(
        choices=["", *LANGUAGES],
        help_text="The title's language when it is not the reader's (for `lang`); else empty.",
    )
    url = serializers.CharField()
    type = serializers.ChoiceField(choices=PAGE_TYPES)


class SuggestAnswer(serializers.Serializer):
    suggestions = Suggestion(many=True)
    engine_available = serializers.BooleanField()


class Error(serializers.Serializer):
    error = serializers.CharField(help_text="What was wrong, in the reader's language.")
