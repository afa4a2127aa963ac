"""The overview's charts and tables read on a phone as on a desktop (issue 17, item 5).

Two areas side by side (the demo's Danish police district beside Östergötland), at 320 px and
at 1280 px: every label of every chart is drawn at least at the site's small text size, nothing is
cut off (a wide chart or table scrolls sideways inside its own labelled region, the page itself
never does), the two places stand side by side on a desktop and stacked on a phone, and axe-core
finds nothing serious.
"""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

WIDTHS = [320, 1280]

#: The size each chart label is drawn at on the screen, in CSS px: its computed font size times
#: the scale of the SVG around it (a viewBox shrunk to the column scales its text with it).
CHART_TEXT_SIZES = """() => {
    const probe = document.createElement("span");
    probe.style.fontSize = "var(--text-small)";
    document.body.append(probe);
    const small = parseFloat(getComputedStyle(probe).fontSize);
    probe.remove();
    const labels = [...document.querySelectorAll("svg.chart text")].map((text) => {
        const matrix = text.getScreenCTM();
        const scale = Math.hypot(matrix.a, matrix.b);
        return {
            text: text.textContent,
            chart: text.closest("svg").getAttribute("aria-labelledby"),
            size: parseFloat(getComputedStyle(text).fontSize) * scale,
        };
    });
    return {small, labels};
}"""

#: What would be cut off: the page scrolling sideways, and any chart or table whose nearest
#: clipping box is not a keyboard-focusable, labelled scroll region lying inside the page.
CLIPPING = """() => {
    const page = document.documentElement;
    const problems = [];
    if (page.scrollWidth > page.clientWidth) {
        const past = [...document.querySelectorAll("main *")].find(
            (element) => element.getBoundingClientRect().right > page.clientWidth + 0.5
                && !element.closest(".chart-scroll, .table-scroll")
        ) || [...document.querySelectorAll("main *")].reverse().find(
            (element) => element.getBoundingClientRect().right > page.scrollWidth - 1
        );
        const where = past ? `${past.tagName.toLowerCase()}.${past.className}` : "?";
        problems.push(
            `the page scrolls sideways by ${page.scrollWidth - page.clientWidth} px (${where})`
        );
    }
    for (const element of document.querySelectorAll("main table, main svg.chart")) {
        let box = element.parentElement;
        while (box && getComputedStyle(box).overflowX === "visible") box = box.parentElement;
        const name = element.querySelector("caption, title")?.textContent;
        if (!box || box === document.body || box === page) {
            if (element.getBoundingClientRect().right > page.clientWidth + 0.5) {
                problems.push(`${name}: runs past the page's right edge`);
            }
            continue;
        }
        const scrolls = ["auto", "scroll"].includes(getComputedStyle(box).overflowX);
        const reachable = box.tabIndex === 0 && box.getAttribute("role") === "region"
            && box.getAttribute("aria-label");
        const wider = element.getBoundingClientRect().width > box.clientWidth + 0.5;
        if (wider && !(scrolls && reachable)) {
            problems.push(`${name}: cut off by a box that cannot be scrolled from the keyboard`);
        }
        if (box.getBoundingClientRect().right > page.clientWidth + 0.5) {
            problems.push(`${name}: its scroll region runs past the page's right edge`);
        }
    }
    return problems;
}"""


@pytest.fixture(params=WIDTHS, ids=lambda width: f"{width}px")
def overview(request, page, demo_site):
    page.set_viewport_size({"width": request.param, "height": 900})
    response = page.goto(demo_site.paths["en"]["overview-two-areas"])
    assert response.status == 200
    return page


def test_every_chart_label_is_at_least_the_small_text_size(overview):
    measured = overview.evaluate(CHART_TEXT_SIZES)
    assert measured["small"] == 14  # .875rem of the default 16 px
    assert len(measured["labels"]) > 100  # every chart of both places was measured
    too_small = [label for label in measured["labels"] if label["size"] < measured["small"] - 0.01]
    assert not too_small, (
        f"{len(too_small)} labels smaller than {measured['small']} px: "
        + ", ".join(f"{label['text']!r} {label['size']:.1f} px" for label in too_small[:5])
    )


def test_no_chart_or_table_is_cut_off(overview):
    assert overview.evaluate(CLIPPING) == []


def test_two_places_side_by_side_on_a_desktop_and_stacked_on_a_phone(overview):
    places = overview.locator("#evidence-heading ~ .overview-columns > .overview-column > h3")
    assert places.all_inner_texts() == [
        "Central and West Jutland police district",
        "Östergötland County",
    ]
    first, second = (places.nth(n).bounding_box() for n in range(2))
    if overview.viewport_size["width"] >= 1280:
        assert first["y"] == second["y"] and second["x"] > first["x"] + first["width"]
    else:
        assert second["y"] > first["y"] and second["x"] == first["x"]


def test_the_overview_has_no_serious_accessibility_violations(overview, axe):
    axe(overview)
