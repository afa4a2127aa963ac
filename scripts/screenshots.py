"""Full-page screenshots of every kind of public page, for a person to look at.

Run by scripts/screenshots.sh (`make screenshots`) once the demo content is loaded and indexed.
It serves the site from this process with Django's live-server thread and photographs each page
kind of tests/browser/site_pages.py in every language, at a desktop and a phone width, with
Debian's Chromium. Writes screenshots/<language>-<kind>-<width>.png and prints the list.

`SCREENSHOT_KINDS` and `SCREENSHOT_WIDTHS` (comma-separated) narrow it down, for example
`SCREENSHOT_KINDS=overview-two-areas SCREENSHOT_WIDTHS=320,375,768,1280 make screenshots`.
"""

import logging
import os
import sys
from pathlib import Path

import django

WIDTHS = [1280, 375]


def chosen(variable, default):
    """The values of a comma-separated environment variable, or `default` when it is unset."""
    value = os.environ.get(variable, "")
    return [item.strip() for item in value.split(",") if item.strip()] or default


CHROMIUM = "/usr/bin/chromium"


def main(out_dir):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    django.setup()
    logging.getLogger("django.request").setLevel(logging.ERROR)  # the 404 page is photographed
    from django.contrib.staticfiles.handlers import StaticFilesHandler
    from django.test.testcases import LiveServerThread
    from playwright.sync_api import sync_playwright

    from tests.browser.site_pages import LANGUAGES, page_paths

    shots = [
        (language, kind, path)
        for language in LANGUAGES
        for kind, path in page_paths(language).items()
        if kind in chosen("SCREENSHOT_KINDS", [kind])
    ]
    widths = [int(width) for width in chosen("SCREENSHOT_WIDTHS", WIDTHS)]
    server = LiveServerThread("localhost", StaticFilesHandler)
    server.daemon = True
    server.start()
    server.is_ready.wait()
    if server.error:
        raise server.error
    base_url = f"http://localhost:{server.port}"

    out_dir.mkdir(exist_ok=True)
    saved = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM)
            for width in widths:
                context = browser.new_context(
                    base_url=base_url, viewport={"width": width, "height": 800}
                )
                page = context.new_page()
                for language, kind, path in shots:
                    page.goto(path)
                    file = out_dir / f"{language}-{kind}-{width}.png"
                    page.screenshot(path=file, full_page=True)
                    saved.append(file)
                context.close()
            browser.close()
    finally:
        server.terminate()
    for file in saved:
        print(file)


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
