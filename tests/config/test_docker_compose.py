"""docker-compose.yml cannot run here, so its shape is checked against what the settings read."""

import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
COMPOSE = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
SERVICES = COMPOSE["services"]


def variables_the_settings_read():
    pattern = re.compile(r'env(?:\.get|_list|_bool)\(\s*"([A-Z_]+)"')
    names = set()
    for path in (ROOT / "config" / "settings").glob("*.py"):
        names |= set(pattern.findall(path.read_text()))
    return names


def test_the_stack_has_web_worker_database_redis_and_elasticsearch():
    assert set(SERVICES) == {"web", "worker", "db", "redis", "elasticsearch"}
    assert SERVICES["elasticsearch"]["image"].startswith(
        "docker.elastic.co/elasticsearch/elasticsearch:8."
    )
    assert SERVICES["db"]["image"].startswith("postgres:")


def test_web_gets_every_variable_production_needs_and_only_known_ones():
    web_env = set(SERVICES["web"]["environment"])
    read = variables_the_settings_read()
    assert {"DATABASE_URL", "ELASTICSEARCH_URL", "SECRET_KEY", "ALLOWED_HOSTS"} <= web_env
    assert web_env - {"DJANGO_SETTINGS_MODULE"} <= read


def test_web_points_at_the_other_services_by_name():
    web_env = SERVICES["web"]["environment"]
    assert "@db:5432/" in web_env["DATABASE_URL"]
    assert web_env["ELASTICSEARCH_URL"] == "http://elasticsearch:9200"
    assert web_env["REDIS_URL"].startswith("redis://redis:6379/")
    assert web_env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"


def test_every_service_has_a_healthcheck_and_web_waits_for_healthy_dependencies():
    for name, service in SERVICES.items():
        assert service["healthcheck"]["test"], name
    depends = SERVICES["web"]["depends_on"]
    assert depends == {
        "db": {"condition": "service_healthy"},
        "redis": {"condition": "service_healthy"},
        "elasticsearch": {"condition": "service_healthy"},
    }


def test_ports_are_bound_to_loopback_only():
    for name, service in SERVICES.items():
        for port in service.get("ports", []):
            assert port.startswith("127.0.0.1:"), f"{name} publishes {port} on every interface"


def test_elasticsearch_is_a_single_node_with_capped_memory():
    es = SERVICES["elasticsearch"]
    assert es["environment"]["discovery.type"] == "single-node"
    assert "-Xmx" in es["environment"]["ES_JAVA_OPTS"]
    assert es["mem_limit"]


def test_web_serves_with_gunicorn():
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "gunicorn config.wsgi:application" in dockerfile
    assert "collectstatic" in dockerfile
