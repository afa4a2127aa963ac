"""Security headers on the public site and the admin, and production's `check --deploy`."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.django_db

REPO = Path(__file__).resolve().parents[2]


def policy(response):
    directives = (part.strip().split() for part in response["Content-Security-Policy"].split(";"))
    return {name: values for name, *values in directives}


def test_public_pages_forbid_inline_code_framing_and_sniffing(client, home_page):
    response = client.get("/da/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert csp["frame-ancestors"] == ["'none'"]
    for directive in ("script-src", "style-src"):
        assert csp[directive] == ["'self'"], "a nonce appears only when a template uses one"
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"


def test_public_templates_carry_no_inline_script_or_style(client, home_page):
    """The strict policy would block them in the browser: keep the templates clean.

    Scripts come from files (`src`); JSON-LD is data, which the policy does not run.
    """
    html = client.get("/da/search/").content.decode() + client.get("/da/").content.decode()
    scripts = re.findall(r"<script([^>]*)>", html)
    assert scripts, "the pages load their scripts from files"
    for attributes in scripts:
        assert " src=" in attributes or 'type="application/ld+json"' in attributes, attributes
    assert "<style" not in html and " style=" not in html


def test_admin_gets_its_own_policy_and_may_be_framed_by_itself(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    csp = policy(response)
    assert csp["frame-ancestors"] == ["'self'"] and csp["object-src"] == ["'none'"]
    assert "'unsafe-inline'" in csp["script-src"]


def test_production_settings_pass_the_deploy_check_without_warnings():
    """Also what it checks: HSTS, HTTPS redirect, secure cookies, a long secret key."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(64),
        "ALLOWED_HOSTS": "bro.example.org",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
