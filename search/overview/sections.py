"""The three sections of the overview, shaped for the template: rows, links and charts.

Every section has the same rows for each place shown (every theme, every year, every
organisation of any of them), so two places line up row by row. Each count links to the search
with the filters that produced it.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext

from knowledge.models import EvidenceLevel, ProgrammePage

from . import charts

LEVELS = list(EvidenceLevel)


def search_url(filters):
    """The search page showing exactly the programmes counted under these filters."""
    pairs = [(name, value) for name, values in sorted(filters.items()) for value in values]
    return f"{reverse('search')}?{urlencode(pairs)}"


def cell(count, filters, about):
    """A count, its search link (none for 0) and what it counts, for a link read on its own."""
    return {"count": count, "url": search_url(filters) if count else "", "about": about}


def gap_mark(total, evaluated):
    """Why a theme is a gap, in words: nothing done there, or nothing with a known effect."""
    if not total:
        return gettext("No programmes")
    if not evaluated:
        return gettext("Gap: no evaluated effect")
    return ""


def evidence_section(number, scope, counts, themes, largest):
    """Themes × evidence levels, for one place; `themes` are `(slug, label)` in row order."""
    rows = []
    for slug, label in themes:
        by_level = counts.matrix.get(slug, {})
        cells = [
            cell(
                by_level.get(level.value, 0),
                scope.search_filters(themes=[slug], evidence_level=[str(level.value)]),
                f"{label}, {level.label}",
            )
            for level in LEVELS
        ]
        total = sum(by_level.values())
        evaluated = sum(n for level, n in by_level.items() if EvidenceLevel.needs_study(level))
        rows.append(
            {
                "label": label,
                "cells": cells,
                "total": cell(total, scope.search_filters(themes=[slug]), label),
                "mark": gap_mark(total, evaluated),
            }
        )
    all_themes = gettext("All programmes")
    all_levels = [
        cell(
            counts.levels.get(level.value, 0),
            scope.search_filters(evidence_level=[str(level.value)]),
            f"{all_themes}, {level.label}",
        )
        for level in LEVELS
    ]
    gaps = sum(1 for row in rows if row["mark"])
    chart = charts.evidence_map(
        f"evidence-{number}",
        gettext("Programmes by theme and evidence level: %(place)s") % {"place": scope.label},
        gettext(
            "A grid of %(themes)d themes by %(levels)d evidence levels for %(total)d "
            "programmes. Each circle is sized by its number of programmes; a hatched cell "
            "has none. %(gaps)d themes are marked as gaps."
        )
        % {"themes": len(rows), "levels": len(LEVELS), "total": counts.total, "gaps": gaps},
        [level.label for level in LEVELS],
        [(row["label"], [c["count"] for c in row["cells"]], row["mark"]) for row in rows],
        largest,
    )
    return {
        "rows": rows,
        "all_levels": all_levels,
        "total": cell(counts.total, scope.search_filters(), all_themes),
        "gaps": gaps,
        "chart": chart,
    }


STATUSES = list(ProgrammePage.Status)
#: The most common status is drawn solid, the others hatched and dotted.
STATUS_PAINTS = {
    ProgrammePage.Status.PLANNED: "hatch",
    ProgrammePage.Status.ACTIVE: "solid",
    ProgrammePage.Status.ENDED: "dots",
}


def status_section(number, scope, counts, years, largest):
    """Programmes active each year, split by their status, for one place."""
    rows = []
    for year in years:
        by_status = counts.years.get(year, {})
        rows.append(
            {
                "year": year,
                "cells": [
                    cell(
                        by_status.get(status.value, 0),
                        scope.search_filters(years=[str(year)], status=[status.value]),
                        f"{year}, {status.label}",
                    )
                    for status in STATUSES
                ],
                "total": cell(
                    sum(by_status.values()), scope.search_filters(years=[str(year)]), str(year)
                ),
            }
        )
    chart = charts.stacked_bar_chart(
        f"status-{number}",
        gettext("Programmes by year and status: %(place)s") % {"place": scope.label},
        gettext(
            "One bar per year from %(first)s to %(last)s, split into planned, active and "
            "ended programmes; the number of each part and the total are written on the bar."
        )
        % {"first": years[0] if years else "–", "last": years[-1] if years else "–"},
        [(status.value, status.label, STATUS_PAINTS[status]) for status in STATUSES],
        [(str(year), counts.years.get(year, {})) for year in years],
        largest,
    )
    return {"rows": rows, "without_years": counts.without_years, "chart": chart}


def organisation_section(number, scope, counts, organisations, largest):
    """How many programmes of one place each organisation takes part in."""
    rows = [
        {
            "label": label,
            **cell(
                counts.organisations.get(slug, 0),
                scope.search_filters(organisations=[slug]),
                label,
            ),
        }
        for slug, label in organisations
    ]
    chart = charts.bar_chart(
        f"organisations-{number}",
        gettext("Organisations and their programmes: %(place)s") % {"place": scope.label},
        gettext(
            "One bar per organisation, %(count)d in all, as long as the number of programmes "
            "it takes part in; the number is written after each bar."
        )
        % {"count": len(rows)},
        [(row["label"], row["count"]) for row in rows],
        largest,
    )
    return {"rows": rows, "chart": chart}


def year_rows(all_counts):
    """Every year any of the places was active, in order, so the places line up."""
    return sorted({year for counts in all_counts for year in counts.years})


def organisation_rows(all_counts, names):
    """Every organisation of any place, the most involved first; `names` maps slug to label."""
    totals = {}
    for counts in all_counts:
        for slug, count in counts.organisations.items():
            totals[slug] = totals.get(slug, 0) + count
    order = sorted(totals, key=lambda slug: (-totals[slug], names.get(slug, slug).casefold()))
    return [(slug, names.get(slug, slug)) for slug in order]


def columns(scopes, all_counts, themes, organisation_names):
    """Every section for every place, drawn to one scale so that the places compare fairly.

    `themes` are the matrix rows as `(slug, label)`; `organisation_names` maps slug to label.
    """
    years = year_rows(all_counts)
    organisations = organisation_rows(all_counts, organisation_names)
    largest_cell = max(
        (n for counts in all_counts for levels in counts.matrix.values() for n in levels.values()),
        default=0,
    )
    largest_year = max(
        (sum(statuses.values()) for counts in all_counts for statuses in counts.years.values()),
        default=0,
    )
    largest_organisation = max(
        (n for counts in all_counts for n in counts.organisations.values()), default=0
    )
    return [
        {
            "scope": scope,
            "evidence": evidence_section(number, scope, counts, themes, largest_cell),
            "status": status_section(number, scope, counts, years, largest_year),
            "organisations": organisation_section(
                number, scope, counts, organisations, largest_organisation
            ),
        }
        for number, (scope, counts) in enumerate(zip(scopes, all_counts, strict=True))
    ]
