"""The DCAT-AP catalogue record: valid JSON-LD that rdflib reads, with the properties DCAT-AP and
DCAT-AP-SE require, every distribution pointing at a file the site serves, and the open-data page
that links it."""

import pytest
from django.urls import reverse
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF

from knowledge.open_data import files
from knowledge.open_data.export import EXPORTS
from knowledge.open_data.licence import LICENCE_URL

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("export_root")]

EU = "http://publications.europa.eu/resource/authority/"
LANGUAGES = {"da", "sv", "en"}
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")


def catalogue_graph(client):
    response = client.get(reverse("open-data-catalogue"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/ld+json"
    assert response["Link"] == f'<{LICENCE_URL}>; rel="license"'
    return Graph().parse(data=response.content.decode(), format="json-ld")


def the_one(graph, kind):
    (node,) = graph.subjects(RDF.type, kind)
    return node


def languages_of(graph, node, prop):
    values = list(graph.objects(node, prop))
    assert all(isinstance(value, Literal) and str(value).strip() for value in values)
    return {value.language for value in values}


def test_the_catalogue_has_what_dcat_ap_requires_in_three_languages(client, open_data_pages):
    files.write_if_changed()  # the worker's round, which records when it wrote
    graph = catalogue_graph(client)
    catalogue, dataset = the_one(graph, DCAT.Catalog), the_one(graph, DCAT.Dataset)
    for node in (catalogue, dataset):
        assert languages_of(graph, node, DCTERMS.title) == LANGUAGES
        assert languages_of(graph, node, DCTERMS.description) == LANGUAGES
        publisher = graph.value(node, DCTERMS.publisher)
        assert (publisher, RDF.type, FOAF.Agent) in graph
        assert graph.value(publisher, FOAF.name) == Literal("Bro")
        assert graph.value(node, DCTERMS.modified) is not None
        spatial = set(graph.objects(node, DCTERMS.spatial))
        assert spatial == {URIRef(f"{EU}country/DNK"), URIRef(f"{EU}country/SWE")}
    assert (catalogue, DCAT.dataset, dataset) in graph
    assert graph.value(catalogue, DCTERMS.license) is not None
    contact = graph.value(dataset, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Organization) in graph
    assert str(graph.value(contact, VCARD.hasEmail)).startswith("mailto:")
    assert graph.value(dataset, DCAT.theme) == URIRef(f"{EU}data-theme/JUST")
    assert languages_of(graph, dataset, DCAT.keyword) == LANGUAGES


def test_each_distribution_is_licensed_and_its_download_is_served_as_described(
    client, open_data_pages
):
    files.write_if_changed()  # the worker's round, which records when it wrote
    graph = catalogue_graph(client)
    dataset = the_one(graph, DCAT.Dataset)
    distributions = set(graph.objects(dataset, DCAT.distribution))
    assert distributions == set(graph.subjects(RDF.type, DCAT.Distribution))
    downloads = {}
    for distribution in distributions:
        assert languages_of(graph, distribution, DCTERMS.title) == LANGUAGES
        assert graph.value(distribution, DCTERMS.license) == URIRef(LICENCE_URL)
        assert graph.value(distribution, DCAT.accessURL) is not None
        assert graph.value(distribution, DCTERMS.format) is not None
        media_type = str(graph.value(distribution, DCAT.mediaType)).rpartition("media-types/")[2]
        download = graph.value(distribution, DCAT.downloadURL)
        if download is not None:
            downloads[str(download).removeprefix("http://localhost")] = media_type
    assert set(downloads) == {reverse(f"open-data-export-{name}") for name in EXPORTS}
    for path, media_type in downloads.items():
        response = client.get(path)
        assert response.status_code == 200, path
        assert response["Content-Type"].partition(";")[0] == media_type
    ((through_api, api),) = graph.subject_objects(DCAT.accessService)
    assert through_api in distributions and (api, RDF.type, DCAT.DataService) in graph
    endpoint = graph.value(api, DCAT.endpointURL)
    assert client.get(str(endpoint).removeprefix("http://localhost")).status_code == 200


def test_the_portals_get_no_blank_node_and_only_absolute_addresses(client, db):
    graph = catalogue_graph(client)
    for kind in (DCAT.Catalog, DCAT.Dataset, DCAT.Distribution, FOAF.Agent, VCARD.Organization):
        for node in graph.subjects(RDF.type, kind):
            assert isinstance(node, URIRef) and str(node).startswith("http"), node
    for _subject, _predicate, value in graph:
        if isinstance(value, URIRef):
            assert str(value).startswith(("http://", "https://", "mailto:")), value


def test_the_rdf_xml_the_swedish_portal_harvests_says_the_same(client, db):
    response = client.get(reverse("open-data-catalogue-rdf"))
    assert response["Content-Type"] == "application/rdf+xml"
    from_xml = Graph().parse(data=response.content.decode(), format="xml")
    assert len(from_xml) > 50
    assert isomorphic(from_xml, catalogue_graph(client))


@pytest.mark.parametrize(
    ("language", "heading"), [("da", "Åbne data"), ("sv", "Öppna data"), ("en", "Open data")]
)
def test_the_open_data_page_names_the_licence_and_links_every_file_and_the_catalogue(
    client, home_page, language, heading
):
    response = client.get(f"/{language}/open-data/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'<h1 id="page-heading">{heading}</h1>' in html
    assert f'href="{LICENCE_URL}" rel="license"' in html
    for name in EXPORTS:
        assert f'href="{reverse(f"open-data-export-{name}")}"' in html
    assert f'href="{reverse("open-data-catalogue")}"' in html
    assert f'href="/{language}/open-data/"' in client.get(f"/{language}/").content.decode()
