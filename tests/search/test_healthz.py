"""`/healthz` tells a load balancer whether the database and the search engine answer."""

import pytest

pytestmark = pytest.mark.elasticsearch


def test_healthy_when_database_and_engine_answer(client, engine):
    response = client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert body["database"]["ok"] and body["elasticsearch"]["ok"]


def test_unhealthy_names_the_engine_when_it_cannot_be_reached(client, engine, unreachable_engine):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["elasticsearch"]
