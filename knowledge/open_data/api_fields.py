"""The API v2 fields of programme and method pages: the open-data record's fields, as they are.

Each field is computed by the same function the exports use, so the API and the exports cannot
drift apart. The field names are model field names where one exists (`title_da`, `country`,
`themes`...), which is what lets Wagtail's `?country=DK` filters work on them.
"""

from rest_framework import serializers
from wagtail.api import APIField

from .serializers import FIELDS


class RecordField(serializers.ReadOnlyField):
    """A read-only field whose value a record function computes from the whole page."""

    def __init__(self, read, **kwargs):
        self.read = read
        super().__init__(source="*", **kwargs)

    def to_representation(self, page):
        return self.read(page)


def api_fields_for(record_type):
    """`api_fields` for a page model: one APIField per record field of "programme" or "method"."""
    return [
        APIField(name, serializer=RecordField(read)) for name, read in FIELDS[record_type].items()
    ]
