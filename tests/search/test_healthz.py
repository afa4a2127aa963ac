"""`/healthz` tells a load balancer whether the database and the search engine answer."""

import pytest
from django.test import Client

pytestmark = pytest.mark.elasticsearch


def test_healthy_when_database_and_engine_answer(admin_client, engine):
    response = admin_client.get("/healthz")
    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok" and body["failing"] == []
    assert body["database"]["ok"] and body["elasticsearch"]["ok"]


def test_unhealthy_names_the_engine_when_it_cannot_be_reached(
    admin_client, engine, unreachable_engine
):
    response = admin_client.get("/healthz")
    anonymous = Client().get("/healthz")
    assert response.status_code == 503
    assert response.json()["failing"] == ["elasticsearch"]
    assert (anonymous.status_code, anonymous.json()) == (503, {"status": "unavailable"})


def test_anonymous_callers_learn_only_up_or_down(client, engine):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_staff_and_the_monitoring_token_get_the_detail(client, engine, admin_user, settings):
    client.force_login(admin_user)
    assert client.get("/healthz").json()["database"]["ok"]
    client.logout()
    settings.HEALTHZ_TOKEN = "monitoring-secret"
    with_token = client.get("/healthz", headers={"authorization": "Bearer monitoring-secret"})
    assert with_token.json()["elasticsearch"]["ok"]
    wrong = client.get("/healthz", headers={"authorization": "Bearer guess"})
    assert wrong.json() == {"status": "ok"}
