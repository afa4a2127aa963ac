"""The DCAT-AP catalogue record of Bro's open data, for the Danish and Swedish open-data portals.

One dcat:Catalog holds one dcat:Dataset, "crime-prevention programmes and methods", whose
dcat:Distributions are the export files (export.py) and the API v2; the API is also described
as a dcat:DataService. Titles and descriptions are given in Danish, Swedish and English; the
licence, the themes, the languages, the places and the file types are the EU Publications
Office's authority URIs, which DCAT-AP and DCAT-AP-SE ask for.

Every resource has an absolute IRI on the site (fragments of the catalogue's own address): the
Swedish portal refuses blank nodes for catalogues, datasets, distributions, publishers and
contacts. It harvests RDF/XML, so the same graph is also served as RDF/XML, written by rdflib
from the JSON-LD, so the two cannot say different things.
"""

import json

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from rdflib import Graph

from base.languages import LANGUAGES

from ..models import ExportState
from .export import EXPORTS
from .files import STATE_ID
from .licence import LICENCE_URL, METADATA_LICENCE_URL, site_root

EU = "http://publications.europa.eu/resource/authority/"
IANA = "https://www.iana.org/assignments/media-types/"
#: The languages' codes in the EU's language table.
EU_LANGUAGES = {"da": "DAN", "sv": "SWE", "en": "ENG"}
#: The countries the data is about: Denmark and Sweden.
EU_COUNTRIES = ("DNK", "SWE")
#: The EU's file types of the media types served.
EU_FILE_TYPES = {"application/json": "JSON", "text/csv": "CSV"}

CONTEXT = {
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}

CATALOGUE_TITLE = _("Bro: open data")
CATALOGUE_DESCRIPTION = _(
    "The open data of Bro, the Danish–Swedish knowledge base of crime-prevention programmes "
    "and methods."
)
DATASET_TITLE = _("Crime-prevention programmes and methods in Denmark and Sweden")
DATASET_DESCRIPTION = _(
    "Every published programme and method of Bro: what it is, where and by whom it has run, "
    "what it costs and takes to run it, and how strong the evidence of its effect is (the "
    "rating, the studies behind it, its EMMIE profile and history, and other registries' "
    "ratings mapped onto the same scale). Every text in Danish, Swedish and English where "
    "written."
)
KEYWORDS = (_("crime prevention"), _("evidence"), _("programmes"), _("methods"))
CONTACT_NAME = _("Bro: questions about the open data")

#: The texts of each distribution: export name (or "api") -> (title, description).
DISTRIBUTIONS = {
    "json": (
        _("All programmes and methods (JSON)"),
        _("Every page with all its fields, following the published JSON Schema."),
    ),
    "csv": (
        _("All programmes and methods (CSV)"),
        _("One row per page: titles and summaries in each language, the rating and the costs."),
    ),
    "studies": (
        _("Studies (CSV)"),
        _("One row per study behind a rating, with its design, outcome, direction and size."),
    ),
    "sites": (
        _("Implementation sites (CSV)"),
        _("One row per place where a programme or method has run, with what was learnt."),
    ),
    "external-ratings": (
        _("Other registries' ratings (CSV)"),
        _("One row per rating by another registry, with the level on Bro's scale."),
    ),
    "rating-history": (
        _("Rating history (CSV)"),
        _("One row per rating that went live: when, and by which role, rated and reviewed."),
    ),
    "api": (
        _("API v2 (JSON)"),
        _("The same records page by page, with filters, from Wagtail's API v2."),
    ),
}


def in_every_language(text):
    """A translated text as JSON-LD literals, one per language, each tagged with it."""
    values = []
    for lang in LANGUAGES:
        with translation.override(lang):
            values.append({"@language": lang, "@value": str(text)})
    return values


def _iri(address):
    return {"@id": address}


def _iris(addresses):
    return [_iri(address) for address in addresses]


def _date_time(moment):
    return {"@value": moment.isoformat(), "@type": "xsd:dateTime"}


def catalogue_url():
    return site_root() + reverse("open-data-catalogue")


def _written_at():
    state = ExportState.objects.filter(pk=STATE_ID).first()
    return state.written_at if state else None


def _distribution(base, name, access_url, media_type, modified, **extra):
    title, description = DISTRIBUTIONS[name]
    node = {
        "@id": f"{base}#distribution-{name}",
        "@type": "dcat:Distribution",
        "dct:title": in_every_language(title),
        "dct:description": in_every_language(description),
        "dcat:accessURL": _iri(access_url),
        "dcat:mediaType": _iri(IANA + media_type),
        "dct:format": _iri(f"{EU}file-type/{EU_FILE_TYPES[media_type]}"),
        "dct:license": _iri(LICENCE_URL),
        **extra,
    }
    if modified:
        node["dct:modified"] = _date_time(modified)
    return node


def catalogue():
    """The catalogue as a JSON-LD document (a dict)."""
    root = site_root()
    base = catalogue_url()
    modified = _written_at()
    dataset_id, publisher_id = f"{base}#dataset", settings.OPEN_DATA_PUBLISHER_URI
    publisher_id = publisher_id or f"{root}/#publisher"
    api_url = f"{root}/api/v2/pages/"
    schema_url = root + reverse("open-data-schema")
    files = []
    for name, export in EXPORTS.items():
        url = root + reverse(f"open-data-export-{name}")
        extra = {"dcat:downloadURL": _iri(url)}
        if export.media_type == "application/json":
            extra["dct:conformsTo"] = _iri(schema_url)
        files.append(_distribution(base, name, url, export.media_type, modified, **extra))
    api = _distribution(
        base,
        "api",
        api_url,
        "application/json",
        None,
        **{"dcat:accessService": _iri(f"{base}#api")},
    )
    languages = _iris(f"{EU}language/{EU_LANGUAGES[lang]}" for lang in LANGUAGES)
    places = _iris(f"{EU}country/{country}" for country in EU_COUNTRIES)
    dataset = {
        "@id": dataset_id,
        "@type": "dcat:Dataset",
        "dct:identifier": dataset_id,
        "dct:title": in_every_language(DATASET_TITLE),
        "dct:description": in_every_language(DATASET_DESCRIPTION),
        "dct:publisher": _iri(publisher_id),
        "dcat:contactPoint": _iri(f"{base}#contact"),
        "dcat:distribution": _iris(node["@id"] for node in [*files, api]),
        "dcat:keyword": [word for text in KEYWORDS for word in in_every_language(text)],
        "dcat:theme": _iri(f"{EU}data-theme/JUST"),
        "dct:spatial": places,
        "dct:language": languages,
        "dct:accrualPeriodicity": _iri(f"{EU}frequency/UPDATE_CONT"),
        "dct:accessRights": _iri(f"{EU}access-right/PUBLIC"),
        "dcat:landingPage": _iris(_landing_pages(root)),
    }
    if modified:
        dataset["dct:modified"] = _date_time(modified)
    catalogue_node = {
        "@id": f"{base}#catalogue",
        "@type": "dcat:Catalog",
        "dct:title": in_every_language(CATALOGUE_TITLE),
        "dct:description": in_every_language(CATALOGUE_DESCRIPTION),
        "dct:publisher": _iri(publisher_id),
        "foaf:homepage": _iri(f"{root}/"),
        "dct:language": languages,
        "dct:spatial": places,
        "dct:license": _iri(METADATA_LICENCE_URL),
        "dcat:themeTaxonomy": _iri(f"{EU}data-theme"),
        "dcat:dataset": _iri(dataset_id),
        "dcat:service": _iri(f"{base}#api"),
    }
    if modified:
        catalogue_node["dct:modified"] = _date_time(modified)
    return {
        "@context": CONTEXT,
        "@graph": [
            catalogue_node,
            dataset,
            *files,
            api,
            {
                "@id": f"{base}#api",
                "@type": "dcat:DataService",
                "dct:title": in_every_language(DISTRIBUTIONS["api"][0]),
                "dcat:endpointURL": _iri(api_url),
                "dcat:servesDataset": _iri(dataset_id),
                "dct:license": _iri(LICENCE_URL),
                "dct:accessRights": _iri(f"{EU}access-right/PUBLIC"),
            },
            {
                "@id": publisher_id,
                "@type": ["foaf:Agent", "foaf:Organization"],
                "foaf:name": settings.OPEN_DATA_PUBLISHER_NAME,
            },
            {
                "@id": f"{base}#contact",
                "@type": "vcard:Organization",
                "vcard:fn": in_every_language(CONTACT_NAME),
                "vcard:hasEmail": _iri(f"mailto:{settings.OPEN_DATA_CONTACT_EMAIL}"),
            },
            {"@id": LICENCE_URL, "@type": "dct:LicenseDocument"},
            {"@id": METADATA_LICENCE_URL, "@type": "dct:LicenseDocument"},
        ],
    }


def _landing_pages(root):
    pages = []
    for lang in LANGUAGES:
        with translation.override(lang):
            pages.append(root + reverse("open-data"))
    return pages


def as_rdf_xml(document):
    """The same graph in RDF/XML, the syntax Sweden's portal harvests."""
    graph = Graph().parse(data=json.dumps(document), format="json-ld")
    graph.bind("dcat", CONTEXT["dcat"])
    graph.bind("dct", CONTEXT["dct"])
    graph.bind("foaf", CONTEXT["foaf"])
    graph.bind("vcard", CONTEXT["vcard"])
    return graph.serialize(format="pretty-xml")
