"""The licence of Bro's open data: Creative Commons Attribution 4.0 International (CC BY 4.0).

Why CC BY 4.0 and not CC0, the other licence Danish and Swedish public bodies use for open data:
a rating is a judgement that changes when new studies come in. Attribution keeps each copy
pointing back to the source, where a reader finds the current rating, its history and who is
responsible for it, which a stale copy in someone else's database cannot give. CC BY 4.0 asks for
nothing else (no share-alike, no non-commercial clause), it is one of the licences the EU's
rules on high-value datasets accept, and the Danish and Swedish portals and data.europa.eu know
it by the URI below, the exact form Sweden's portal asks for (http, with the final slash).

The catalogue record itself (catalogue.py) is metadata the portals copy and republish, so it is
CC0, as in DCAT-AP-SE's own examples. Passages quoted from sources remain their publishers';
they are quoted, not licensed.

Every answer under /api/ says so in a `Link: <...>; rel="license"` header (RFC 4946), the JSON
answers and the export also in a `data_licence` field, and the open-data page in words.
"""

from django.conf import settings
from wagtail.models import Site

LICENCE_ID = "CC-BY-4.0"  # SPDX
LICENCE_NAME = "Creative Commons Attribution 4.0 International"
LICENCE_URL = "http://creativecommons.org/licenses/by/4.0/"
METADATA_LICENCE_URL = "http://creativecommons.org/publicdomain/zero/1.0/"
LINK_HEADER = f'<{LICENCE_URL}>; rel="license"'


def licence_record():
    """The licence as the JSON answers carry it, with the attribution a re-user gives."""
    return {
        "id": LICENCE_ID,
        "name": LICENCE_NAME,
        "url": LICENCE_URL,
        "attribution": f"{settings.WAGTAIL_SITE_NAME}, {site_root()}/",
    }


def site_root():
    """The public site's address without a final slash: the default Wagtail site's root URL,
    the same the pages' `url_*` fields start with."""
    site = Site.objects.filter(is_default_site=True).first()
    return (site.root_url if site else settings.WAGTAILADMIN_BASE_URL).rstrip("/")


class LicenceLinkMiddleware:
    """Adds the licence's `Link` header to every answer under /api/: the API v2, the search API,
    the exports (a CSV has no place for it inside), their schema and the catalogue."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith("/api/"):
            response.headers.setdefault("Link", LINK_HEADER)
        return response
