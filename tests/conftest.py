"""Fixtures shared by the whole suite, and the guard that the real services are there."""

import os

import pytest
from django.contrib.auth.models import Group
from django.core.cache import cache
from wagtail.models import Page, Site

from home.models import HomePage


def pytest_sessionstart(session):
    """Under `make test` the suite must run on PostgreSQL: fail at once if it would not."""
    if os.environ.get("CI") or os.environ.get("DATABASE_URL", "").startswith("postgres"):
        from django.conf import settings

        engine = settings.DATABASES["default"]["ENGINE"]
        if "postgresql" not in engine:
            pytest.exit(f"CI must run against PostgreSQL, not {engine}", returncode=1)


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: pages a worker remembers belong to one test's data."""
    cache.clear()


@pytest.fixture
def home_page(db):
    """A trilingual home page as the root of the default site (Wagtail's welcome page removed)."""
    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    home = root.add_child(
        instance=HomePage(
            title_da="Forside",
            title_sv="Startsida",
            title_en="Home",
            slug_da="forside",
            slug_sv="startsida",
            slug_en="home",
            intro_da="Forebyggelse på tværs af grænsen.",
            intro_sv="Brottsförebyggande över gränsen.",
            intro_en="Prevention across the border.",
        )
    )
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    return home


@pytest.fixture
def sections(home_page):
    """The programme and method indexes with a Danish and a Swedish section each."""
    from knowledge.demo_content.site_structure import ensure_editor_groups, ensure_sections

    def create(parent, page):
        parent.add_child(instance=page)
        page.save_revision().publish()
        return page

    found = ensure_sections(home_page, create)
    ensure_editor_groups(found)
    return found


@pytest.fixture
def danish_editor(django_user_model, sections):
    """A member of "Editors – Denmark": may edit in the Danish sections, publish nowhere."""
    user = django_user_model.objects.create_user("dk-editor", password="pw")
    user.groups.add(Group.objects.get(name="Editors – Denmark"))
    return user


def set_admin_language(user, language):
    """The language the admin interface speaks to this user."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()


@pytest.fixture
def english_admin(admin_client, admin_user):
    """The admin client, with the admin interface in English (the default is Danish)."""
    set_admin_language(admin_user, "en")
    return admin_client
