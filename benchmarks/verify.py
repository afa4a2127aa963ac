"""Checks that a loaded corpus is what editors would have made: a valid tree, pages that render.

Used by the harness after each load and by the smoke test in tests/benchmarks/.
"""

from django.test import Client
from django.utils import translation
from django.utils.html import escape
from wagtail.models import Page

from base.languages import LANGUAGES
from knowledge.models import MethodPage, ProgrammePage

PROBLEMS = ("evil_chars", "bad_steplen", "orphans", "wrong_depth", "wrong_numchild")


def tree_problems():
    """treebeard's own check of paths, depths and child counts; empty lists when sound."""
    return dict(zip(PROBLEMS, (list(found) for found in Page.find_problems()), strict=True))


def render_failures(sample=20):
    """URLs of a sample of pages (every language) that do not answer 200."""
    # A request activates its language for the thread; the caller's comes back afterwards.
    with translation.override(translation.get_language()):
        return _render_failures(sample)


def _render_failures(sample):
    client = Client(HTTP_HOST="localhost")
    failures = []
    pages = [
        *ProgrammePage.objects.live().order_by("?")[:sample],
        *MethodPage.objects.live().order_by("?")[: sample // 2],
    ]
    for page in pages:
        for language in LANGUAGES:
            with translation.override(language):
                url = page.get_url()
            response = client.get(url)
            if response.status_code != 200 or escape(page.title) not in response.content.decode():
                failures.append(url)
    return failures


def revisions_missing():
    """Live pages without a live revision (every published page has one)."""
    return [
        page.pk
        for model in (ProgrammePage, MethodPage)
        for page in model.objects.live().filter(live_revision__isnull=True)
    ]


def verify(sample=20):
    problems = tree_problems()
    return {
        "tree_ok": not any(problems.values()),
        "tree_problems": {name: ids[:10] for name, ids in problems.items() if ids},
        "render_failures": render_failures(sample),
        "revisions_missing": revisions_missing()[:10],
    }
