"""Fixtures shared by the whole suite, and the guard that the real services are there.

Tests that need Elasticsearch take `engine`: the real node that `make test` starts, with an
index alias of the test's own, so tests never see each other's documents. A missing node fails
the test with a message; it is never skipped.
"""

import io
import os
import uuid

import pytest
from django.conf import settings
from django.contrib.auth.models import Group
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection, transaction
from django.utils import translation

from knowledge.models import Theme
from search import thesaurus
from search.client import UNAVAILABLE, get_client

from . import mail_server
from .factories import add_home_page, add_programme, add_sections, set_admin_language


def pytest_sessionstart(session):
    """Under `make test` the suite must run on PostgreSQL: fail at once if it would not."""
    if os.environ.get("CI") or os.environ.get("DATABASE_URL", "").startswith("postgres"):
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            pytest.exit(f"CI must run against PostgreSQL, not {engine}", returncode=1)


@pytest.fixture(scope="module")
def migrated_rows_put_back(django_db_setup, django_db_blocker):
    """For a module with tests that commit (`django_db(transaction=True,
    serialized_rollback=True)`): each of those ends with the database flushed, the rows the
    migrations wrote (Wagtail's root page) included. The tests after the module expect them.
    """
    yield
    with django_db_blocker.unblock():
        connection.creation.deserialize_db_from_string(connection._test_serialized_contents)


@pytest.fixture(scope="module")
def demo_content_of_the_module(django_db_setup, django_db_blocker):
    """The demo content, loaded once for a module (it takes seconds, and a dozen tests read it).

    It is loaded in a transaction that is rolled back after the module's last test, and each
    test runs in a savepoint inside it, so what one test changes is gone for the next. Only for
    a module whose tests all read the demo site and none commits (`transaction=True`).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_content", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's cached site root paths name the rolled-back site


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts, and leaves, with no language active: the site's default, as in a fresh
    process. A request through the test client leaves its language on, and what the next test
    saves would be named in it (a page's admin title is taken in the language active then).
    """
    translation.deactivate()
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: pages a worker remembers belong to one test's data."""
    cache.clear()


#: Fixtures after which a test's database is flushed: it cannot run inside a module's transaction.
COMMITTING_FIXTURES = {"transactional_db", "live_server", "django_db_serialized_rollback"}
#: Fixtures that give a test the database.
DATABASE_FIXTURES = {"db", "_django_db_helper", "django_db_reset_sequences", *COMMITTING_FIXTURES}


def database_use(item):
    """None, "savepoint" (runs in a transaction rolled back after it) or "commits"."""
    marker = item.get_closest_marker("django_db")
    if marker and (marker.kwargs.get("transaction") or marker.args[:1] == (True,)):
        return "commits"
    if COMMITTING_FIXTURES & set(item.fixturenames):
        return "commits"
    return "savepoint" if marker or DATABASE_FIXTURES & set(item.fixturenames) else None


def builds_in_the_database_beyond_a_test(item):
    """Whether a module-, package- or session-wide fixture of the suite's own (not pytest-django's
    creation of the test database) writes to the database."""
    return any(
        fixturedef.scope != "function"
        and "django_db_blocker" in fixturedef.argnames
        and not fixturedef.func.__module__.startswith("pytest_django")
        for fixturedefs in item._fixtureinfo.name2fixturedefs.values()
        for fixturedef in fixturedefs[-1:]
    )


def may_share_the_sections(item):
    """A test that builds the sections and commits nothing, or one that never opens the database."""
    if builds_in_the_database_beyond_a_test(item):
        return False
    use = database_use(item)
    return use is None or (use == "savepoint" and "sections" in item.fixturenames)


@pytest.fixture(scope="module")
def sections_of_the_module(request):
    """The home page and the sections, built once for a module whose every test that opens the
    database takes `sections` (a build takes a second or two, and half the suite takes one);
    None for any other module.

    As `demo_content_of_the_module`: built in a transaction rolled back after the module's last
    test, each test in a savepoint inside it. So each test sees exactly what a build of its own
    would give, and none commits. Built in the default language, as a fresh process would.
    """
    module = request.node
    tests = [item for item in request.session.items if item.getparent(pytest.Module) is module]
    builders = [item for item in tests if "sections" in item.fixturenames]
    if len(builders) < 2 or not all(may_share_the_sections(item) for item in tests):
        yield None
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock(), transaction.atomic():
        with translation.override(settings.LANGUAGE_CODE):
            home = add_home_page()
            built = {"home": home, "sections": add_sections(home)}
        yield built
        transaction.set_rollback(True)
    cache.clear()  # Wagtail's cached site root paths name the rolled-back site


def fresh(page):
    """The page as stored: a test may change the instance it was given."""
    return type(page).objects.get(pk=page.pk)


@pytest.fixture
def home_page(db, sections_of_the_module):
    """A trilingual home page as the root of the default site (Wagtail's welcome page removed)."""
    if sections_of_the_module:
        return fresh(sections_of_the_module["home"])
    return add_home_page()


@pytest.fixture
def sections(home_page, sections_of_the_module):
    """The programme and method indexes with a Danish and a Swedish section each."""
    if sections_of_the_module:
        built = sections_of_the_module["sections"]
        return {
            kind: {c: fresh(page) for c, page in pages.items()} for kind, pages in built.items()
        }
    return add_sections(home_page)


@pytest.fixture
def danish_editor(django_user_model, sections):
    """A member of "Editors – Denmark": may edit in the Danish sections, publish nowhere."""
    user = django_user_model.objects.create_user("dk-editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors – Denmark"))
    return user


@pytest.fixture
def swedish_editor(django_user_model, sections):
    """A member of "Editors – Sweden": may edit in the Swedish sections, publish nowhere."""
    user = django_user_model.objects.create_user("se-editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors – Sweden"))
    return user


@pytest.fixture
def english_admin(admin_client, admin_user):
    """The admin client, with the admin interface in English (the default is Danish)."""
    set_admin_language(admin_user, "en")
    return admin_client


@pytest.fixture
def engine(settings, db):
    """The Elasticsearch client, with an index alias of this test's own, removed afterwards."""
    settings.ELASTICSEARCH_INDEX = f"bro-test-{uuid.uuid4().hex[:10]}"
    client = get_client()
    try:
        client.cluster.health(wait_for_status="yellow", timeout="30s")
    except UNAVAILABLE as error:
        pytest.fail(
            f"Elasticsearch is not reachable at {settings.ELASTICSEARCH_URL} ({error}). "
            "`make test` starts it; alone, run `make es-start ES_BASE_PORT=9250`."
        )
    yield client
    names = list(client.indices.get(index=f"{settings.ELASTICSEARCH_INDEX}*"))
    if names:
        client.indices.delete(index=",".join(names))


@pytest.fixture
def unreachable_engine(settings):
    """The site pointed at a port where no Elasticsearch listens (the discard port)."""
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    get_client.cache_clear()
    yield
    get_client.cache_clear()


@pytest.fixture
def thesaurus_loaded(db):
    thesaurus.load_csv()


@pytest.fixture
def pages(sections):
    """Real pages: a Danish programme with a theme, a Swedish one for both countries."""
    burglary = Theme.objects.create(
        name_da="Indbrud", name_sv="Inbrott", name_en="Burglary", slug="burglary"
    )
    danish = add_programme(
        sections["programmes"]["DK"],
        title_da="Tryg i parcelhuskvarteret",
        summary_da="Politiet forebygger indbrud med nabohjælp.",
        start_year=2019,
        themes=[burglary],
    )
    swedish = add_programme(
        sections["programmes"]["SE"],
        title_da="Støtte til familier",
        title_sv="Stöd till familjer",
        summary_da="Kommunen arbejder mod vold i nære relationer.",
        summary_sv="Kommunen arbetar mot våld i nära relationer.",
        start_year=2022,
        end_year=2027,
        country="BOTH",
        original_language="sv",
        status="ended",
    )
    return {"da": danish, "sv": swedish}


@pytest.fixture
def smtp(settings):
    """A real SMTP server on the loopback that the site's mail goes to (tests/mail_server.py)."""
    yield from mail_server.serve(settings)
