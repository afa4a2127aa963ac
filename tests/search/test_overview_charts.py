"""The overview's SVG charts, drawn without any service: accessible, labelled, to scale."""

import math
import xml.etree.ElementTree as ET

from search.overview import charts

SVG = "{http://www.w3.org/2000/svg}"


def parse(markup):
    return ET.fromstring(str(markup))


def texts(root):
    return [element.text for element in root.iter(f"{SVG}text")]


def assert_named_and_described(root, chart_id, title, desc):
    assert root.get("role") == "img"
    assert root.find(f"{SVG}title").text == title
    assert root.find(f"{SVG}desc").text == desc
    assert root.get("aria-labelledby") == root.find(f"{SVG}title").get("id") == f"{chart_id}-title"
    assert root.get("aria-describedby") == root.find(f"{SVG}desc").get("id") == f"{chart_id}-desc"


def test_a_bar_chart_is_named_labelled_and_to_scale():
    root = parse(charts.bar_chart("orgs", "Partners", "Two bars.", [("Police", 6), ("Fond", 2)]))
    assert_named_and_described(root, "orgs", "Partners", "Two bars.")
    assert texts(root) == ["Police", "6", "Fond", "2"]
    widths = [float(rect.get("width")) for rect in root.iter(f"{SVG}rect")]
    assert widths[0] == charts.BAR_WIDTH
    assert math.isclose(widths[1], charts.BAR_WIDTH / 3, abs_tol=0.1)


def test_labels_are_escaped():
    root = parse(charts.bar_chart("x", "<b>T</b>", "D & d", [("<script>", 1)]))
    assert root.find(f"{SVG}title").text == "<b>T</b>"
    assert texts(root) == ["<script>", "1"]
    assert "<script>" not in str(charts.bar_chart("x", "T", "D", [("<script>", 1)]))


def test_an_empty_bar_chart_still_has_a_name():
    root = parse(charts.bar_chart("none", "Nothing", "No bars.", []))
    assert_named_and_described(root, "none", "Nothing", "No bars.")
    assert texts(root) == []


def test_stacked_bars_tell_series_apart_by_pattern_and_legend_and_add_up():
    series = [
        ("planned", "Planned", "hatch"),
        ("active", "Active", "solid"),
        ("ended", "Ended", "dots"),
    ]
    rows = [("2018", {"active": 4, "ended": 2}), ("2019", {"planned": 1, "active": 2})]
    root = parse(charts.stacked_bar_chart("years", "By year", "Bars.", series, rows))
    assert_named_and_described(root, "years", "By year", "Bars.")
    labels = texts(root)
    assert labels[:3] == ["Planned", "Active", "Ended"]  # the legend names every series
    assert labels[3:7] == ["2018", "4", "2", "6"]  # label, parts, total
    assert [labels[7], labels[-2], labels[-1]] == ["2019", "2", "3"]
    bars = [rect for rect in root.iter(f"{SVG}rect") if rect.find(f"{SVG}title") is not None]
    parts = {rect.find(f"{SVG}title").text: rect for rect in bars}
    assert set(parts) == {"Active: 4", "Ended: 2", "Planned: 1", "Active: 2"}
    fills = {title.split(":")[0]: rect.get("fill") for title, rect in parts.items()}
    assert len(set(fills.values())) == 3 and sum("url(#" in f for f in fills.values()) == 2
    patterns = {pattern.get("id") for pattern in root.iter(f"{SVG}pattern")}
    assert {"years-hatch", "years-dots"} <= patterns
    widths = {title: float(rect.get("width")) for title, rect in parts.items()}
    assert widths["Active: 4"] + widths["Ended: 2"] == charts.BAR_WIDTH  # the longest row
    assert math.isclose(widths["Active: 4"], 2 * widths["Ended: 2"], abs_tol=0.1)
    assert math.isclose(widths["Planned: 1"] * 2, widths["Active: 2"], abs_tol=0.2)


def test_the_evidence_map_sizes_circles_by_area_and_marks_gaps_in_words():
    rows = [("Burglary", [0, 4, 1], ""), ("Drugs", [1, 0, 0], "Gap"), ("Fraud", [0, 0, 0], "None")]
    root = parse(charts.evidence_map("gap", "Map", "Grid.", ["Low", "Mid", "High"], rows))
    assert_named_and_described(root, "gap", "Map", "Grid.")
    labels = texts(root)
    assert labels[:3] == ["Low", "Mid", "High"]
    assert labels[3:7] == ["Burglary", "0", "4", "1"]
    assert "▲ Gap" in labels and "▲ None" in labels
    radii = [float(circle.get("r")) for circle in root.findall(f"{SVG}circle")]
    assert len(radii) == 3  # one per non-zero count (not counting the patterns' dots)
    largest = charts.MATRIX_CELL / 2 - 2
    assert radii[0] == largest
    assert math.isclose((radii[1] / radii[0]) ** 2, 1 / 4, rel_tol=0.02)
    empty = [rect for rect in root.iter(f"{SVG}rect") if rect.get("class") == "empty"]
    assert len(empty) == 6 and all(r.get("fill") == "url(#gap-empty)" for r in empty)


def test_bar_length_is_proportional_and_safe_for_zero():
    assert charts.bar_length(5, 10, width=100) == 50
    assert charts.bar_length(0, 0) == 0


def test_charts_side_by_side_can_share_one_scale():
    alone = parse(charts.bar_chart("a", "A", "A.", [("Police", 3)]))
    shared = parse(charts.bar_chart("b", "B", "B.", [("Police", 3)], largest=6))
    assert float(alone.find(f"{SVG}g/{SVG}rect").get("width")) == charts.BAR_WIDTH
    assert float(shared.find(f"{SVG}g/{SVG}rect").get("width")) == charts.BAR_WIDTH / 2
    small = parse(charts.evidence_map("m", "M", "M.", ["Low"], [("Drugs", [1], "")], largest=4))
    radius = float(small.find(f"{SVG}circle").get("r"))
    assert math.isclose(radius, (charts.MATRIX_CELL / 2 - 2) / 2, abs_tol=0.1)


def test_long_row_labels_are_shortened_in_the_chart_only():
    name = "Brottsförebyggande rådet (Swedish National Council for Crime Prevention)"
    root = parse(charts.bar_chart("long", "T", "D", [(name, 1)]))
    label = texts(root)[0]
    assert label.endswith("…") and len(label) == charts.MAX_LABEL_CHARS
    assert name.startswith(label[:-1])
    assert float(root.find(f"{SVG}g/{SVG}text").get("x")) > len(label) * 7


def test_the_evidence_maps_column_groups_are_set_apart_and_every_count_drawn():
    rows = [("Burglary", [1, 0, 2, 0, 3], "")]
    root = parse(
        charts.evidence_map(
            "grp", "Map", "Grid.", ["Low", "High", "Strong", "Weak", "Here"], rows, groups=[2, 2, 1]
        )
    )
    cells = [rect for rect in root.iter(f"{SVG}rect") if rect.get("stroke") == charts.GRID]
    xs = [float(rect.get("x")) for rect in cells]
    steps = [round(b - a) for a, b in zip(xs, xs[1:], strict=False)]
    cell, gap = charts.MATRIX_CELL, charts.GROUP_GAP
    assert steps == [cell, cell + gap, cell, cell + gap]
    assert texts(root)[5:11] == ["Burglary", "1", "0", "2", "0", "3"]


def test_charts_are_drawn_at_their_size_in_css_pixels_with_small_text():
    root = parse(charts.bar_chart("px", "T", "D", [("Police", 1)]))
    assert root.get("font-size") == str(charts.FONT_SIZE) == "14"
    assert root.get("width") == root.get("viewBox").split()[2]  # one unit is one CSS pixel
