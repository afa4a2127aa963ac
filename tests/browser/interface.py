"""What the browser tests find on a page: names in the reader's language, and visible focus.

Controls are found by role and accessible name, never by CSS class, so the tests survive a
restyling. Names come from the interface translations themselves.
"""

import re

from django.utils import translation
from playwright.sync_api import expect


def translated(language, text):
    """An interface string as a reader of `language` sees it."""
    with translation.override(language):
        return translation.gettext(text)


#: The password of every user the browser journeys create.
PASSWORD = "browser-test-password"


def sign_in_as(page, username, password=PASSWORD):
    """Through the admin's login form, as a person would."""
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def focused_element_summary(page):
    """The focused element: its tag, accessible text, and whether its focus can be seen.

    Focus counts as visible when the element has an outline or a box shadow of its own while
    focused (the site's :focus-visible style), and lies inside the viewport.
    """
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            const style = getComputedStyle(el);
            const box = el.getBoundingClientRect();
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
            const shadowed = style.boxShadow !== 'none';
            const onScreen = box.width > 0 && box.height > 0 && box.bottom > 0
                && box.top < window.innerHeight;
            return {
                tag: el.tagName.toLowerCase(),
                text: (el.innerText || el.value || el.getAttribute('aria-label') || '').trim(),
                visible: (outlined || shadowed) && onScreen,
            };
        }"""
    )


def tab_until(page, target, limit=80):
    """Press Tab until `target` (a locator) has focus; every stop on the way must show focus.

    Returns the focus stops passed, so a test can say where focus went.
    """
    stops = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        stop = focused_element_summary(page)
        assert stop["visible"], f"focus is not visible on {stop} (after {stops})"
        stops.append(stop)
        if target.evaluate("el => el === document.activeElement"):
            return stops
    raise AssertionError(f"{target} never got focus in {limit} Tab presses: {stops}")
