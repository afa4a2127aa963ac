"""The production image: built from what it needs, holding neither secrets nor dev tools."""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCKERFILE = (ROOT / "Dockerfile").read_text()


def locked_packages(name):
    lines = (ROOT / name).read_text().splitlines()
    return {match[1] for line in lines if (match := re.match(r"([a-z0-9._-]+)==", line))}


def test_the_build_context_leaves_out_local_state_and_history():
    ignored = set((ROOT / ".dockerignore").read_text().split())
    assert {".git", ".services", "db.sqlite3", "media", ".venv", "node_modules"} <= ignored


def test_the_image_installs_the_production_lock_without_dev_or_test_tools():
    installs = re.findall(r"pip install .*-r (\S+)", DOCKERFILE)
    assert installs == ["requirements-prod.lock"]
    production = locked_packages("requirements-prod.lock")
    assert {"django", "wagtail", "gunicorn", "drf-spectacular"} <= production
    assert not production & {"pytest", "pytest-django", "ruff", "playwright", "hypothesis"}


def test_the_production_lock_pins_the_same_versions_as_the_development_lock():
    def pins(name):
        text = (ROOT / name).read_text()
        return dict(re.findall(r"^([a-z0-9._-]+)==(\S+)", text, flags=re.MULTILINE))

    development, production = pins("requirements.lock"), pins("requirements-prod.lock")
    assert {name: development.get(name) for name in production} == production
