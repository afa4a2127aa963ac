"""Headless Chromium against the demo site, served by a live server on the test database.

Chromium is Debian's (`/usr/bin/chromium`, installed by scripts/system-packages.sh); Playwright
never downloads a browser of its own. A missing Chromium or axe-core fails the tests.

The demo content is loaded and indexed once for the whole package and committed, so that the
server thread sees it; every test reads the same site. pytest-django's `live_server` fixture
cannot be shared like that (it flushes the database after each test), so the package starts
pytest-django's `LiveServer` itself. At the end the database is put back as the migrations left
it, for any test that runs after.
"""

import io
import os
import uuid
from dataclasses import dataclass

import pytest
from django.core.management import call_command
from django.db import connection, connections
from django.test import override_settings
from pytest_django.live_server_helper import LiveServer

from search import indexing, thesaurus
from search.client import get_client

from . import axe as axe_core
from .site_pages import LANGUAGES, page_paths

CHROMIUM = "/usr/bin/chromium"


def pytest_collection_modifyitems(items):
    """Browser tests run last.

    Playwright's sync API keeps an event loop running in the main thread from the first browser
    test to the end of the session, and Django refuses ORM calls under a running loop.
    """
    items.sort(key=lambda item: item.get_closest_marker("browser") is not None)


@pytest.fixture(scope="session", autouse=True)
def orm_beside_playwright():
    """Let the test thread use the ORM while Playwright's event loop runs (see above).

    Session-wide, since Playwright starts before the test database is set up when the browser
    tests run alone; as they run last, no other test runs with it.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        yield


@pytest.fixture(scope="package", autouse=True)
def connections_opened_beside_playwright_closed():
    """Close the test thread's second database connection at the end of the package.

    Django keeps each thread's connections in asgiref's thread-critical `Local`: a plain
    thread-local in a thread without a running event loop, a context variable while one runs.
    Between two of its sync calls Playwright marks its loop as running in the test thread, so the
    browser tests' queries open a connection of their own beside the one the earlier tests used.
    Dropping the test database at the end of the session closes only the thread-local one, since
    Playwright has stopped by then, and the other would keep the database in use. Package
    teardown comes before Playwright's (session) teardown, while the loop is still marked running,
    so `close_all()` here reaches that second connection.
    """
    yield
    connections.close_all()


@dataclass
class DemoSite:
    url: str
    paths: dict  # language -> page kind -> path


@pytest.fixture(scope="package")
def demo_site(django_db_setup, django_db_blocker):
    """The demo content, indexed in its own index, served at `demo_site.url`."""
    alias = f"bro-browser-{uuid.uuid4().hex[:10]}"
    with (
        override_settings(ELASTICSEARCH_INDEX=alias),
        django_db_blocker.unblock(),
        pytest.MonkeyPatch.context() as patch,
    ):
        # The server's threads share this dict: they close their database connection after each
        # request, so none is still open (kept alive by the browser) when the database is dropped.
        patch.setitem(connection.settings_dict, "CONN_MAX_AGE", 0)
        as_migrated = connection.creation.serialize_db_to_string()
        call_command("load_demo_content", stdout=io.StringIO())
        thesaurus.load_csv()
        indexing.rebuild()
        server = LiveServer("localhost")
        try:
            yield DemoSite(server.url, {lang: page_paths(lang) for lang in LANGUAGES})
        finally:
            server.stop()
            client = get_client()
            client.indices.delete(index=",".join(client.indices.get(index=f"{alias}*")))
            call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
            connection.creation.deserialize_db_from_string(as_migrated)


@pytest.fixture
def site_db(demo_site, django_db_blocker):
    """Database access for a test that looks at or adds to the shared demo site."""
    with django_db_blocker.unblock():
        yield


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not os.access(CHROMIUM, os.X_OK):
        pytest.fail(
            f"Chromium is missing at {CHROMIUM}. `make install` installs Debian's `chromium` "
            "package when run as root; otherwise: sudo apt-get install chromium"
        )
    return {**browser_type_launch_args, "executable_path": CHROMIUM}


@pytest.fixture(scope="package")
def browser_context_args(browser_context_args, demo_site):
    return {
        **browser_context_args,
        "base_url": demo_site.url,
        "viewport": {"width": 1280, "height": 900},
        "locale": "en-GB",
        # Smooth scrolling would leave a just-focused element outside the viewport when the
        # focus checks look; readers who ask for reduced motion get the same instant scroll.
        "reduced_motion": "reduce",
    }


@pytest.fixture
def page(page):
    """Playwright's page, waiting at most 15 s for anything (the machine is small and shared)."""
    page.set_default_timeout(15_000)
    return page


@pytest.fixture(scope="session")
def axe():
    """`axe(page)` fails the test when axe-core finds a serious or critical WCAG A/AA problem."""
    if not axe_core.AXE_SCRIPT.exists():
        pytest.fail(f"axe-core is missing at {axe_core.AXE_SCRIPT}: run `make install` (npm ci).")

    def check(page):
        found = axe_core.blocking(axe_core.violations(page))
        assert not found, axe_core.describe(found, page.url)

    return check
