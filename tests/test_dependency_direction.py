"""The apps depend on each other one way only: base ← knowledge ← home, search on top, and
participation on top of search.

`base` is the site chrome every app may use, so it knows none of them; `knowledge` holds the
content and knows nothing of the home page or of search; `home` shows knowledge's pages; `search`
indexes them and adds its sections to their pages through a hook; `participation` takes what
visitors send in and adds its sections to the pages and the search page through hooks too, and
its jobs to the worker through a setting, so no other app knows it. Read from the source itself:
every import in an app's Python modules (at module level or inside a function) and every
`{% load %}`, `{% include %}` and `{% extends %}` in the templates the app owns.
"""

import ast
import re
from pathlib import Path

import pytest
from django.template import engines

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "templates"

#: What each app may not depend on.
FORBIDDEN = {
    "base": {"home", "knowledge", "search", "participation"},
    "knowledge": {"home", "search", "participation"},
    "home": {"search", "participation"},
    "search": {"participation"},
    "participation": {"home"},
}
#: Template folders of the apps; the rest of templates/ (base.html, includes/, components/,
#: the error pages) is the site chrome of `base`.
TEMPLATE_FOLDERS = {"knowledge", "home", "search", "participation"}
TAG = re.compile(r"{%\s*(load|include|extends)\s+(.*?)\s*%}")


def imported_modules(path):
    """The absolute name of every module a Python file imports, relative imports resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    # The package a relative import starts from: the folder of the file.
    package = list(path.relative_to(ROOT).parent.parts)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                start = package[: len(package) - node.level + 1]
                yield ".".join([*start, *filter(None, [node.module])])
            else:
                yield node.module


def python_dependencies(app):
    for path in sorted((ROOT / app).rglob("*.py")):
        for module in imported_modules(path):
            yield path, module.split(".")[0]


def app_templates(app):
    if app == "base":
        return [
            path
            for path in TEMPLATES.rglob("*.html")
            if path.relative_to(TEMPLATES).parts[0] not in TEMPLATE_FOLDERS
        ]
    return sorted((TEMPLATES / app).rglob("*.html"))


def template_dependencies(app):
    """The app each loaded tag library, included and extended template belongs to."""
    libraries = engines["django"].engine.libraries  # name: module path
    for path in app_templates(app):
        for kind, arguments in TAG.findall(path.read_text(encoding="utf-8")):
            if kind == "load":
                words = arguments.split()  # `{% load a b %}` or `{% load tag from a %}`
                for name in words[-1:] if "from" in words else words:
                    yield path, libraries[name].split(".")[0]
            elif arguments[0] in "\"'":
                folder = Path(arguments.split()[0].strip("\"'")).parts[0]
                yield path, folder if folder in TEMPLATE_FOLDERS else "base"


@pytest.mark.parametrize("app", FORBIDDEN)
@pytest.mark.parametrize(
    "read", [python_dependencies, template_dependencies], ids=["python", "templates"]
)
def test_an_app_uses_only_what_it_may_depend_on(app, read):
    wrong = [
        f"{path.relative_to(ROOT)} uses {owner}"
        for path, owner in read(app)
        if owner in FORBIDDEN[app]
    ]
    assert not wrong, wrong


def test_the_checks_see_every_app_and_template():
    """A rule over an empty folder would pass whatever the code did."""
    for app in FORBIDDEN:
        assert list(python_dependencies(app)), app
        assert app_templates(app), app
    owners = {owner for app in FORBIDDEN for _path, owner in template_dependencies(app)}
    assert {"base", "knowledge", "wagtail"} <= owners
