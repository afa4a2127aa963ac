"""Production runs the Elasticsearch that the tests run on."""

import yaml

from devtools.elasticsearch.fetch import DEFAULT_ES_VERSION

from .node_commands import CHECKOUT


def test_docker_compose_runs_the_official_image_of_the_local_nodes_version():
    compose = yaml.safe_load((CHECKOUT / "docker-compose.yml").read_text())

    image = compose["services"]["elasticsearch"]["image"]

    assert image == f"docker.elastic.co/elasticsearch/elasticsearch:{DEFAULT_ES_VERSION}"
