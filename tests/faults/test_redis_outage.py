"""Redis goes away under a running site: the public pages are rendered from the database, the
rate limits let requests through, and /healthz says "degraded".

The site runs as in production, under gunicorn, with a Redis server of the test's own
(scripts/redis-instance.sh) that the test stops; the suite's Redis stays up for the others.
"""

import json
import subprocess
import urllib.parse
import urllib.request

import pytest
from django.utils import translation

from tests.factories import make_method, make_programme

from .servers import REPO, get, gunicorn

# The server must see committed rows; the module restores what the migrations wrote afterwards.
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_rows_put_back"),
]

HEALTHZ_TOKEN = "redis-outage-test"
MONITOR = urllib.request.build_opener()
MONITOR.addheaders = [("Authorization", f"Bearer {HEALTHZ_TOKEN}")]
SEARCH_LIMIT = 2


def redis(command, folder):
    """`start` or `stop` a private Redis in `folder`; `start` answers its REDIS_URL."""
    return subprocess.run(
        ["bash", "scripts/redis-instance.sh", command, str(folder)],
        cwd=REPO, check=True, capture_output=True, text=True, timeout=60,
    ).stdout.strip()  # fmt: skip


@pytest.fixture
def redis_dir(tmp_path):
    folder = tmp_path / "redis"
    yield folder
    redis("stop", folder)  # a no-op once the test has stopped it


@pytest.fixture
def site(live_database_url, redis_dir):
    with gunicorn(
        DATABASE_URL=live_database_url,
        REDIS_URL=redis("start", redis_dir),
        # No index behind this alias: search answers from the database.
        ELASTICSEARCH_INDEX="bro-redis-outage-none",
        HEALTHZ_TOKEN=HEALTHZ_TOKEN,
        RATE_LIMIT_SEARCH=f"{SEARCH_LIMIT}/h",
    ) as url:
        yield url


@pytest.fixture
def programme_path(sections):
    programme = make_programme(
        sections["programmes"]["DK"], methods=[make_method(sections["methods"]["DK"])]
    )
    with translation.override("da"):
        return programme.get_url()


def healthz(site, opener=None):
    status, body = get(f"{site}/healthz", opener)
    return status, json.loads(body)


def test_pages_are_rendered_from_the_database_while_redis_is_down(site, redis_dir, programme_path):
    status, body = get(site + programme_path)
    assert status == 200 and "Dialogmøde" in body.decode()  # now in Redis too
    status, answer = healthz(site, MONITOR)
    assert (status, answer["status"], answer["cache"]["ok"]) == (200, "ok", True)

    redis("stop", redis_dir)

    for path in ("/da/", programme_path, "/da/search/?q=tryg", "/api/search/?q=dialog"):
        status, body = get(site + path)
        assert status == 200, f"{path} answered {status} without Redis"
    assert "Dialogmøde" in get(site + programme_path)[1].decode()
    found = json.loads(get(f"{site}/api/search/?q={urllib.parse.quote('dialogmøde')}")[1])
    assert "Dialogmøde" in [result["title"] for result in found["results"]]


def test_healthz_reports_redis_down_as_degraded_for_monitors_only(site, redis_dir):
    redis("stop", redis_dir)

    status, answer = healthz(site, MONITOR)
    assert status == 200, "a cache outage took the site out of the load balancer"
    assert answer["status"] == "degraded" and answer["degraded"] == ["cache"]
    assert answer["cache"] == {"ok": False, "error": "ConnectionError"}
    assert answer["failing"] == [] and answer["database"]["ok"]
    assert healthz(site) == (200, {"status": "degraded"})


def test_rate_limits_let_requests_through_while_redis_cannot_count(site, redis_dir):
    search = f"{site}/api/search/?q=tryg"
    statuses = [get(search)[0] for _ in range(SEARCH_LIMIT + 1)]
    assert statuses == [200] * SEARCH_LIMIT + [429], "the limit does not count with Redis up"

    redis("stop", redis_dir)

    statuses = [get(search)[0] for _ in range(SEARCH_LIMIT + 1)]
    assert statuses == [200] * (SEARCH_LIMIT + 1)
