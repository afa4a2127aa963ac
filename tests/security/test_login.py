"""The admin needs a login, and guessing passwords is slowed down (config/login_throttle.py)."""

import datetime
import time

import pytest
from django.core.cache import cache

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/"


@pytest.fixture(autouse=True)
def fresh_counts():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password="right-password")


@pytest.mark.parametrize("url", ["/admin/", "/admin/pages/", "/admin/snippets/", "/admin/users/"])
def test_admin_pages_send_anonymous_visitors_to_the_login(client, url):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


def attempt(client, username, password, **headers):
    return client.post(LOGIN, {"username": username, "password": password}, **headers)


def test_five_failures_block_that_name_from_that_address_with_a_429(client, editor, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        assert attempt(client, "editor", "wrong").status_code == 200
    blocked = attempt(client, "Editor", "right-password", HTTP_ACCEPT_LANGUAGE="da")
    assert blocked.status_code == 429
    assert int(blocked["Retry-After"]) == settings.LOGIN_FAILURE_WINDOW
    assert "For mange loginforsøg" in blocked.content.decode()
    assert "_auth_user_id" not in client.session, "a blocked login must not log in"

    other_name = attempt(client, "someone-else", "wrong")
    assert other_name.status_code == 200
    other_address = attempt(client, "editor", "right-password", REMOTE_ADDR="10.0.0.9")
    assert other_address.status_code == 302


def test_a_successful_login_clears_the_count(client, editor, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", "right-password").status_code == 302
    client.logout()
    for _ in range(settings.LOGIN_FAILURE_LIMIT - 1):
        assert attempt(client, "editor", "wrong").status_code == 200
    assert attempt(client, "editor", "right-password").status_code == 302


def test_the_block_message_is_translated_into_swedish(client, editor, settings):
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        attempt(client, "editor", "wrong")
    blocked = attempt(client, "editor", "wrong", HTTP_ACCEPT_LANGUAGE="sv")
    assert blocked.status_code == 429
    assert "För många inloggningsförsök" in blocked.content.decode()


#: A short window, so the test sees the block end; the limit stays the shipped one.
SHORT_WINDOW = 5


def test_the_block_ends_when_its_window_ends(client, editor, settings):
    settings.LOGIN_FAILURE_WINDOW = SHORT_WINDOW  # config/login_throttle.py
    settings.AXES_COOLOFF_TIME = datetime.timedelta(seconds=SHORT_WINDOW)  # django-axes' name
    first_failure = time.monotonic()
    for _ in range(settings.LOGIN_FAILURE_LIMIT):
        attempt(client, "editor", "wrong")
    assert attempt(client, "editor", "right-password").status_code == 429
    time.sleep(max(0, first_failure + SHORT_WINDOW + 0.5 - time.monotonic()))
    assert attempt(client, "editor", "right-password").status_code == 302
    assert "_auth_user_id" in client.session
