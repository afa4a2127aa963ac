"""Two server processes on the test PostgreSQL and Redis agree, as gunicorn's workers must.

An editor publishes in one process; a visitor served by the other sees the change on the next
request. Failed logins add up across both, so a second worker gives a guesser no extra tries.
"""

import http.cookiejar
import os
import urllib.parse
import urllib.request

import pytest
from django.utils import translation
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from tests.factories import make_method, make_programme

from .servers import get, gunicorn

# Both servers must see committed rows. Like every module whose tests commit, it restores what
# the migrations wrote once it is done (the flush after each test takes it away).
pytestmark = [
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
    pytest.mark.usefixtures("migrated_rows_put_back"),
]

PASSWORD = "right-password"


@pytest.fixture(scope="module")
def two_sites(live_database_url):
    """Both processes start once for the module; each test brings its own pages and users."""
    redis_url = os.environ.get("REDIS_URL")
    if not redis_url:
        pytest.fail("REDIS_URL must name the Redis server `make test` started.")
    env = {
        "DATABASE_URL": live_database_url,
        "REDIS_URL": redis_url,
        # No index behind this alias: the similar pages are left out, search uses the database.
        "ELASTICSEARCH_INDEX": "bro-two-workers-none",
    }
    with gunicorn(**env) as first, gunicorn(**env) as second:
        yield first, second


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_superuser("editor", password=PASSWORD)


class Browser:
    """A visitor with cookies, posting forms with their CSRF token as a browser does."""

    def __init__(self, site):
        self.site = site
        self.cookies = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))

    def get(self, path):
        return get(self.site + path, self.opener)

    def post(self, path, data):
        token = next((c.value for c in self.cookies if c.name == "csrftoken"), "")
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": token}, doseq=True)
        request = urllib.request.Request(self.site + path, data=body.encode(), method="POST")
        no_redirects = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.cookies), NoRedirect
        )
        return get(request, no_redirects)

    def log_in(self, username, password):
        self.get("/admin/login/")
        return self.post("/admin/login/", {"username": username, "password": password})[0]


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def method_form(method, theme, title_da):
    data = nested_form_data(
        {
            "title_da": title_da,
            "title_sv": method.title_sv,
            "title_en": method.title_en,
            **{f"slug_{lang}": getattr(method, f"slug_{lang}") for lang in ("da", "sv", "en")},
            **{
                f"summary_{lang}": getattr(method, f"summary_{lang}") for lang in ("da", "sv", "en")
            },
            "country": method.country,
            "evidence_level": str(method.evidence_level),
            "studies": inline_formset([]),
            "external_ratings": inline_formset([]),
            "implementation_sites": inline_formset([]),
            "source_links": inline_formset([]),
            "original_language": "da",
            "action-publish": "publish",
        }
    )
    return {**data, "themes": [str(theme.pk)]}


def page_text(url):
    status, body = get(url)
    assert status == 200, url
    return body.decode()


def edit_as_editor(site, path, form):
    """The editor signs in to `site` and sends an edit form, which the admin must accept."""
    browser = Browser(site)
    assert browser.log_in("editor", PASSWORD) == 302
    status, _body = browser.post(path, form)
    assert status == 302, f"the edit form of {path} was refused"


def test_a_publish_in_one_process_is_seen_at_once_by_the_other(two_sites, sections, editor):
    first, second = two_sites
    method = make_method(sections["methods"]["DK"])
    programme = make_programme(sections["programmes"]["DK"], methods=[method])
    with translation.override("da"):
        programme_url = programme.get_url()
    assert "Dialogmøde" in page_text(second + programme_url)  # now in the second's cache

    theme = programme.themes.first()
    form = method_form(method, theme, "Dialogmøde i boligområdet")
    edit_as_editor(first, f"/admin/pages/{method.pk}/edit/", form)

    shown = page_text(second + programme_url)
    assert "Dialogmøde i boligområdet" in shown, "the other process shows the old title"


def test_failed_logins_add_up_across_processes(two_sites, editor, settings):
    first, second = two_sites
    guesser = [Browser(first), Browser(second)]
    statuses = [
        guesser[attempt % 2].log_in("editor", "wrong")
        for attempt in range(settings.LOGIN_FAILURE_LIMIT)
    ]
    assert statuses[-1] == 429, statuses
    for browser in guesser:
        assert browser.log_in("editor", PASSWORD) == 429, "a process let the guesser in"


def test_a_term_renamed_in_one_process_is_shown_at_once_by_the_other(two_sites, sections, editor):
    first, second = two_sites
    programme = make_programme(sections["programmes"]["DK"])
    theme = programme.themes.first()
    with translation.override("da"):
        url = programme.get_url()
    assert f">{theme.name_da}</a>" in page_text(second + url)  # the facts box, now cached

    names = {"name_da": "Tryghed i opgangen", "name_sv": theme.name_sv, "name_en": theme.name_en}
    form = {**names, "slug": theme.slug}
    edit_as_editor(first, f"/admin/snippets/knowledge/theme/edit/{theme.pk}/", form)

    shown = page_text(second + url)
    assert ">Tryghed i opgangen</a>" in shown, "the other process shows the old name"


def test_a_page_given_a_new_slug_in_one_process_moves_in_the_other(two_sites, sections, editor):
    first, second = two_sites
    method = make_method(sections["methods"]["DK"])
    theme = make_programme(sections["programmes"]["DK"], methods=[method]).themes.first()
    with translation.override("da"):
        old_url = method.get_url()
    assert get(second + old_url)[0] == 200  # routed once by the other process

    old_slug, method.slug_da = method.slug_da, "nyt-navn"
    edit_as_editor(first, f"/admin/pages/{method.pk}/edit/", method_form(method, theme, "Ny"))

    # Not served there any more: Wagtail's redirect from the old path (made on the rename)
    # answers only what routing does not find.
    no_redirects = urllib.request.build_opener(NoRedirect)
    assert get(second + old_url, no_redirects)[0] == 301, "the other process serves the old path"
    assert get(second + old_url.replace(f"/{old_slug}/", "/nyt-navn/"))[0] == 200
