"""Accessible SVG charts drawn on the server: no JavaScript, no external library.

Each chart is an `<svg role="img">` named by its `<title>` and `<desc>`, with every number also
written as text, and series told apart by pattern and label as well as by colour. The page shows
the same numbers in a table beside each chart. The functions are pure: numbers in, markup out.

A chart is drawn in CSS pixels and shown at that size, never scaled down to its container: its
text is `FONT_SIZE` px, the site's small text (`--text-small`, .875rem), on a phone as on a
desktop. A chart wider than the screen scrolls sideways in its own labelled region (the template's
`chart-scroll`), as its table does; scaling the drawing to fit would shrink its labels to a few
pixels on a phone.
"""

import math

from django.utils.html import format_html
from django.utils.safestring import mark_safe

INK = "#1b1f24"
MUTED = "#4a5563"
FILL = "#0b5394"
#: The inside of an evidence-map circle: light, so its dark number reads; its outline is FILL.
LIGHT_FILL = "#c6dbef"
GRID = "#c4ccd6"
#: The site's small text in px (`--text-small` in static/css/site.css at the default 16 px).
FONT_SIZE = 14
ROW_HEIGHT = 28
BAR_HEIGHT = 17
BAR_WIDTH = 320
#: Average width of a character at FONT_SIZE (a little over, for wide letters), to leave room
#: for the labels.
CHAR_WIDTH = 8.2
#: Longer row labels are shortened with "…"; the table beside the chart has them in full.
MAX_LABEL_CHARS = 36


def short(label):
    label = str(label)
    return label if len(label) <= MAX_LABEL_CHARS else label[: MAX_LABEL_CHARS - 1] + "…"


def label_width(labels):
    longest = max((len(short(label)) for label in labels), default=0)
    return round(longest * CHAR_WIDTH) + 12


def bar_length(value, largest, width=BAR_WIDTH):
    """The length of a bar: proportional to the value, the largest filling the width."""
    return 0 if largest <= 0 else round(value / largest * width, 1)


def svg(chart_id, title, desc, width, height, body, defs=""):
    """The chart's frame: its accessible name and description, then the drawing."""
    return format_html(
        '<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" '
        'aria-labelledby="{id}-title" aria-describedby="{id}-desc" '
        'viewBox="0 0 {w} {h}" width="{w}" height="{h}" font-size="{fs}" fill="{ink}">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{defs}{body}</svg>",
        id=chart_id,
        w=width,
        h=height,
        fs=FONT_SIZE,
        ink=INK,
        title=title,
        desc=desc,
        defs=defs,
        body=body,
    )


def text(x, y, content, anchor="start", extra=""):
    """A text label with a white halo, readable over bars and patterns alike."""
    return format_html(
        '<text x="{}" y="{}" text-anchor="{}" stroke="#fff" stroke-width="3" '
        'paint-order="stroke"{}>{}</text>',
        x,
        y,
        anchor,
        mark_safe(extra),  # attribute strings written by this module only
        content,
    )


def pattern_defs(chart_id):
    return format_html(
        "<defs>"
        '<pattern id="{id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="6" height="6" fill="#fff"/>'
        '<rect width="3" height="6" fill="{fill}"/></pattern>'
        '<pattern id="{id}-dots" width="6" height="6" patternUnits="userSpaceOnUse">'
        '<rect width="6" height="6" fill="#fff"/><circle cx="3" cy="3" r="1.8" fill="{muted}"/>'
        "</pattern>"
        '<pattern id="{id}-empty" width="8" height="8" patternUnits="userSpaceOnUse" '
        'patternTransform="rotate(45)"><rect width="8" height="8" fill="#fff"/>'
        '<rect width="1" height="8" fill="{grid}"/></pattern>'
        "</defs>",
        id=chart_id,
        fill=FILL,
        muted=MUTED,
        grid=GRID,
    )


def paint(chart_id, name):
    return {
        "solid": FILL,
        "hatch": f"url(#{chart_id}-hatch)",
        "dots": f"url(#{chart_id}-dots)",
    }[name]


def bar_chart(chart_id, title, desc, bars, largest=None):
    """Horizontal bars, one per `(label, value)`, each with its value written after it.

    `largest` is the value that fills the width: give charts shown side by side the same one.
    """
    left = label_width(label for label, _value in bars)
    if largest is None:
        largest = max((value for _label, value in bars), default=0)
    rows = []
    for index, (label, value) in enumerate(bars):
        y = index * ROW_HEIGHT
        length = bar_length(value, largest)
        rows.append(
            format_html(
                '<g class="bar">{}<rect x="{}" y="{}" width="{}" height="{}" fill="{}"/>{}</g>',
                text(left - 8, y + 17, short(label), anchor="end"),
                left,
                y + 5,
                length,
                BAR_HEIGHT,
                FILL,
                text(left + length + 6, y + 17, value),
            )
        )
    height = max(1, len(bars)) * ROW_HEIGHT + 4
    return svg(chart_id, title, desc, left + BAR_WIDTH + 48, height, mark_safe("".join(rows)))


def stacked_bar_chart(chart_id, title, desc, series, rows, largest=None):
    """One horizontal bar per row, split into series told apart by pattern and a legend.

    `series` is a list of `(key, label, paint)` with paint "solid", "hatch" or "dots"; `rows`
    a list of `(label, {key: value})`. Every part wide enough carries its number, and each row
    ends with its total. `largest` is the total that fills the width.
    """
    left = label_width(label for label, _values in rows)
    if largest is None:
        largest = max((sum(values.values()) for _label, values in rows), default=0)
    paints = {key: name for key, _label, name in series}
    legend = []
    for index, (key, label, _paint) in enumerate(series):
        x = left + index * 110
        legend.append(
            format_html(
                '<g class="legend"><rect x="{}" y="4" width="14" height="14" fill="{}" '
                'stroke="{}"/>{}</g>',
                x,
                paint(chart_id, paints[key]),
                FILL,
                text(x + 20, 16, label),
            )
        )
    drawn = []
    for index, (label, values) in enumerate(rows):
        y = (index + 1) * ROW_HEIGHT + 4
        x = left
        parts = [text(left - 8, y + 17, short(label), anchor="end")]
        for key, series_label, _paint in series:
            value = values.get(key, 0)
            if not value:
                continue
            length = bar_length(value, largest)
            parts.append(
                format_html(
                    '<rect x="{}" y="{}" width="{}" height="{}" fill="{}" stroke="{}">'
                    "<title>{}: {}</title></rect>",
                    x,
                    y + 5,
                    length,
                    BAR_HEIGHT,
                    paint(chart_id, paints[key]),
                    FILL,
                    series_label,
                    value,
                )
            )
            if length >= 22:
                parts.append(text(x + length / 2, y + 17, value, anchor="middle"))
            x += length
        parts.append(text(x + 6, y + 17, sum(values.values())))
        drawn.append(format_html('<g class="bar">{}</g>', mark_safe("".join(parts))))
    height = (len(rows) + 1) * ROW_HEIGHT + 8
    width = max(left + BAR_WIDTH + 48, left + 110 * len(series))
    body = mark_safe("".join(legend + drawn))
    return svg(chart_id, title, desc, width, height, body, defs=pattern_defs(chart_id))


MATRIX_CELL = 34
#: The space between two groups of columns of the evidence map.
GROUP_GAP = 12


def column_offsets(groups, count):
    """The x of each column from the grid's left edge: `groups` are the sizes of the column
    groups, with a gap after each; one group of all the columns when not given."""
    offsets = []
    for group, size in enumerate(groups or [count]):
        start = len(offsets)
        offsets += [(start + n) * MATRIX_CELL + group * GROUP_GAP for n in range(size)]
    return offsets


def evidence_map(chart_id, title, desc, columns, rows, largest=None, groups=None):
    """An evidence-gap map: a grid of rows × evidence levels with a circle per count.

    `columns` are the column labels, in groups of the sizes `groups` (a gap between two); `rows`
    a list of `(label, counts, mark)`. A circle's area is proportional to its count and the
    count is written on it; an empty cell is hatched and reads 0; a row's `mark` (a gap, in
    words) is written after it when not empty. `largest` is the count drawn as the biggest
    circle.
    """
    left = label_width(label for label, _counts, _mark in rows)
    offsets = column_offsets(groups, len(columns))
    grid_width = (offsets[-1] + MATRIX_CELL) if offsets else 0
    longest_column = max((len(str(label)) for label in columns), default=0)
    top = round(longest_column * CHAR_WIDTH * 0.71) + 16
    if largest is None:
        largest = max((count for _label, counts, _mark in rows for count in counts), default=0)
    largest_radius = MATRIX_CELL / 2 - 2
    parts = []
    for offset, label in zip(offsets, columns, strict=True):
        x = left + offset + MATRIX_CELL / 2
        parts.append(
            text(x, top - 8, label, extra=f' transform="rotate(-45 {x} {top - 8})"'),
        )
    for row, (label, counts, mark) in enumerate(rows):
        y = top + row * MATRIX_CELL
        middle = y + MATRIX_CELL / 2
        parts.append(text(left - 8, middle + 5, short(label), anchor="end"))
        for offset, count in zip(offsets, counts, strict=True):
            x = left + offset
            if count:
                radius = round(largest_radius * math.sqrt(count / largest), 1)
                parts.append(
                    format_html(
                        '<rect x="{}" y="{}" width="{}" height="{}" fill="#fff" stroke="{}"/>'
                        '<circle cx="{}" cy="{}" r="{}" fill="{}" stroke="{}" stroke-width="1.5"/>',
                        x,
                        y,
                        MATRIX_CELL,
                        MATRIX_CELL,
                        GRID,
                        x + MATRIX_CELL / 2,
                        middle,
                        radius,
                        LIGHT_FILL,
                        FILL,
                    )
                )
            else:
                parts.append(
                    format_html(
                        '<rect class="empty" x="{}" y="{}" width="{}" height="{}" '
                        'fill="url(#{}-empty)" stroke="{}"/>',
                        x,
                        y,
                        MATRIX_CELL,
                        MATRIX_CELL,
                        chart_id,
                        GRID,
                    )
                )
            muted = "" if count else f' fill="{MUTED}"'
            parts.append(text(x + MATRIX_CELL / 2, middle + 5, count, "middle", extra=muted))
        if mark:
            x = left + grid_width + 8
            parts.append(text(x, middle + 5, f"▲ {mark}", extra=' class="gap-mark"'))
    longest_mark = max((len(str(mark)) for _label, _counts, mark in rows), default=0)
    width = (
        left + grid_width + max(24 + longest_mark * CHAR_WIDTH, longest_column * CHAR_WIDTH * 0.71)
    )
    height = top + len(rows) * MATRIX_CELL + 4
    body = mark_safe("".join(parts))
    return svg(chart_id, title, desc, round(width), height, body, defs=pattern_defs(chart_id))
