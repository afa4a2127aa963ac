"""The admin needs a login, and guessing passwords is slowed down (config/login_protection.py).

django-axes counts the failures in the database: per user name and client address, in every
process, through restarts. Wagtail's page-password form counts too; the public APIs take no
passwords at all, so no one can lock an editor out through them.
"""

import base64
import datetime
import time

import pytest
from django.core.cache import cache
from wagtail.models import PageViewRestriction

from tests.factories import add_page, programme

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"
PASSWORD = "right-password"


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password=PASSWORD)


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/users/"])
def test_admin_pages_send_anonymous_visitors_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def attempt(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def fail_up_to_the_limit(client, settings, username="editor", **headers):
    statuses = [
        attempt(client, username, "wrong", **headers).status_code
        for _ in range(settings.LOGIN_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.LOGIN_FAILURE_LIMIT - 1) + [429]


def test_the_limit_of_failures_blocks_that_name_from_that_address_with_a_429(
    client, editor, settings
):
    fail_up_to_the_limit(client, settings)
    blocked = attempt(client, " Editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="da")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == settings.LOGIN_FAILURE_WINDOW
    assert "For mange loginforsøg" in blocked.content.decode()
    assert "_auth_user_id" not in client.session, "a blocked login must not log in"

    other_name = attempt(client, "someone-else", "wrong")
    assert other_name.status_code == 200
    other_address = attempt(client, "editor", PASSWORD, REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


def test_a_successful_login_clears_the_count(client, editor, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert attempt(client, "editor", "wrong").status_code == 200
    assert attempt(client, "editor", PASSWORD).status_code == 302


@pytest.mark.parametrize(
    "language, text",
    [("sv", "För många inloggningsförsök"), ("en", "Too many login attempts")],
)
def test_the_block_message_is_translated(client, editor, settings, language, text):
    fail_up_to_the_limit(client, settings)
    blocked = attempt(client, "editor", "wrong", HTTP_ACCEPT_LANGUAGE=language)
    assert blocked.status_code == 429
    assert text in blocked.content.decode()


def test_the_count_outlives_the_cache(client, editor, settings):
    """A restart empties a process's memory and may empty the cache; the count stays."""
    fail_up_to_the_limit(client, settings)
    cache.clear()
    assert attempt(client, "editor", PASSWORD).status_code == 429


def test_only_a_trusted_proxy_names_the_client(client, editor, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    fail_up_to_the_limit(
        client, settings, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5"
    )
    behind_the_same_proxy = attempt(
        client, "editor", PASSWORD, REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="198.51.100.7"
    )
    assert behind_the_same_proxy.status_code == 302, "another client behind the proxy was blocked"
    client.logout()

    # Elsewhere the header is the client's own word: a new one per try changes nothing.
    for number in range(settings.LOGIN_FAILURE_LIMIT):
        attempt(client, "editor", "wrong", HTTP_X_FORWARDED_FOR=f"192.0.2.{number}")
    spoofed = attempt(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99")
    assert spoofed.status_code == 429


def basic(username, password):
    return "Basic " + base64.b64encode(f"{username}:{password}".encode()).decode()


def test_the_public_api_takes_no_passwords_and_locks_no_one_out(client, editor, settings):
    anonymous = client.get("/api/v2/pages/")
    for _ in range(2 * settings.LOGIN_FAILURE_LIMIT):
        wrong = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=basic("editor", "wrong"))
        assert wrong.status_code == 200, "the API judged a password"
    right = client.get("/api/v2/pages/", HTTP_AUTHORIZATION=basic("editor", PASSWORD))
    assert right.status_code == 200 and right.json() == anonymous.json()
    assert attempt(client, "editor", PASSWORD).status_code == 302, "the editor was locked out"


def test_the_page_password_form_is_protected_too(client, sections, settings):
    page = add_page(sections["programmes"]["DK"], programme(title_da="Lukket", slug_da="lukket"))
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret-word"
    )
    url = f"/da/_util/authenticate_with_password/{restriction.pk}/{page.pk}/"
    form = {"return_url": "/da/"}
    statuses = [
        client.post(url, {**form, "password": "wrong"}).status_code
        for _ in range(settings.LOGIN_FAILURE_LIMIT)
    ]
    assert statuses == [200] * (settings.LOGIN_FAILURE_LIMIT - 1) + [429]
    blocked = client.post(url, {**form, "password": "secret-word"})
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == settings.LOGIN_FAILURE_WINDOW
    assert "For mange loginforsøg" in blocked.content.decode()

    elsewhere = client.post(url, {**form, "password": "secret-word"}, REMOTE_ADDR="10.0.0.9")
    assert elsewhere.status_code == 302


#: A short window, so the test sees the block end; the limit stays the shipped one.
SHORT_WINDOW = 5


def test_the_block_ends_when_its_window_ends(client, editor, settings):
    # LOGIN_FAILURE_WINDOW becomes django-axes' cool-off when the settings load.
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=SHORT_WINDOW)
    first_failure = time.monotonic()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", PASSWORD).status_code == 429
    time.sleep(max(0, first_failure + SHORT_WINDOW + 0.5 - time.monotonic()))
    assert attempt(client, "editor", PASSWORD).status_code == 302
    assert "_auth_user_id" in client.session
