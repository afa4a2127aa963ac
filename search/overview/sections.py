"""The four sections of the overview, shaped for the template: rows, links and charts.

Every section has the same rows for each place shown (every theme, every year, every
organisation and every area of any of them), so two places line up row by row. Each count links
to the search with the filters that produced it.

The evidence-gap matrix has, beside the evidence levels, the strength of the evidence on the
effect (EMMIE), the cost band and how many programmes have already run in the place: what a
coordinator weighs before taking a programme up.
"""

from urllib.parse import urlencode

from django.urls import reverse
from django.utils.translation import gettext

from knowledge.models import EvidenceLevel, ProgrammePage
from knowledge.models.evidence import EvidenceStrength
from knowledge.models.implementation import CostBand

from . import charts

LEVELS = list(EvidenceLevel)
#: Strongest first, as the levels run from the best down in a reader's eye along the row.
STRENGTHS = [EvidenceStrength.STRONG, EvidenceStrength.MODERATE, EvidenceStrength.LIMITED]
COST_BANDS = list(CostBand)


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


def dimension_cells(scope, slug, label, counts):
    """A theme's programmes by strength of the evidence on the effect, and by cost band."""
    strengths = counts.strengths.get(slug, {})
    costs = counts.costs.get(slug, {})
    return {
        "strengths": [
            cell(
                strengths.get(strength.value, 0),
                scope.search_filters(themes=[slug], effect_strength=[strength.value]),
                f"{label}, {strength_label(strength)}",
            )
            for strength in STRENGTHS
        ],
        "costs": [
            cell(
                costs.get(band.value, 0),
                scope.search_filters(themes=[slug], cost_band=[band.value]),
                f"{label}, {cost_label(band)}",
            )
            for band in COST_BANDS
        ],
    }


def strength_label(strength):
    return gettext("Effect evidence: %(strength)s") % {"strength": strength.label}


def cost_label(band):
    return gettext("Cost: %(band)s") % {"band": band.label}


def here_cell(scope, slug, label, counts):
    """How many programmes with this theme have run in the place; None if it has no "here"."""
    if not scope.here:
        return None
    about = gettext("%(theme)s, already run here") % {"theme": label}
    return cell(counts.run_here.get(slug, 0), scope.here_filters(themes=[slug]), about)


def matrix_columns(with_here):
    """The matrix's column groups: evidence levels, effect evidence, cost, and run here."""
    groups = [
        [level.label for level in LEVELS],
        [strength_label(strength) for strength in STRENGTHS],
        [cost_label(band) for band in COST_BANDS],
    ]
    if with_here:
        groups.append([gettext("Already run here")])
    return groups


def evidence_section(number, scope, counts, themes, largest):
    """Themes × evidence levels and the other dimensions, for one place; `themes` are
    `(slug, label)` in row order."""
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
                **dimension_cells(scope, slug, label, counts),
                "here": here_cell(scope, slug, label, counts),
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
    groups = matrix_columns(bool(scope.here))
    chart = charts.evidence_map(
        f"evidence-{number}",
        gettext("Programmes by theme and evidence level: %(place)s") % {"place": scope.label},
        gettext(
            "A grid of %(themes)d themes by %(levels)d evidence levels for %(total)d "
            "programmes, then by the strength of the evidence on the effect, by cost and by "
            "whether they have already run here. Each circle is sized by its number of "
            "programmes; a hatched cell has none. %(gaps)d themes are marked as gaps."
        )
        % {"themes": len(rows), "levels": len(LEVELS), "total": counts.total, "gaps": gaps},
        [label for group in groups for label in group],
        [
            (
                row["label"],
                [
                    c["count"]
                    for c in [*row["cells"], *row["strengths"], *row["costs"], row["here"]]
                    if c is not None
                ],
                row["mark"],
            )
            for row in rows
        ],
        largest,
        groups=[len(group) for group in groups],
    )
    return {
        "rows": rows,
        "all_levels": all_levels,
        "total": cell(counts.total, scope.search_filters(), all_themes),
        "gaps": gaps,
        "chart": chart,
        "with_here": bool(scope.here),
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


def bar_section(name, facet, number, scope, counted, names, largest, title, description):
    """One place's count per term of a facet (organisations, site areas), each linking to the
    search filtered by it, and their bar chart (`name`-`number`). `counted` maps slug to count,
    `names` gives `(slug, label)` in order; `title` takes `%(place)s`, `description` `%(count)d`."""
    rows = [
        {
            "label": label,
            **cell(counted.get(slug, 0), scope.search_filters(**{facet: [slug]}), label),
        }
        for slug, label in names
    ]
    chart = charts.bar_chart(
        f"{name}-{number}",
        title % {"place": scope.label},
        description % {"count": len(rows)},
        [(row["label"], row["count"]) for row in rows],
        largest,
    )
    return {"rows": rows, "chart": chart}


def organisation_section(number, scope, counts, organisations, largest):
    """How many programmes of one place each organisation takes part in."""
    return bar_section(
        "organisations",
        "organisations",
        number,
        scope,
        counts.organisations,
        organisations,
        largest,
        gettext("Organisations and their programmes: %(place)s"),
        gettext(
            "One bar per organisation, %(count)d in all, as long as the number of programmes "
            "it takes part in; the number is written after each bar."
        ),
    )


def sites_section(number, scope, counts, areas, largest):
    """In which areas the programmes of one place have run, and how many in each."""
    return bar_section(
        "sites",
        "site_areas",
        number,
        scope,
        counts.site_areas,
        areas,
        largest,
        gettext("Where the programmes have run: %(place)s"),
        gettext(
            "One bar per area, %(count)d in all, as long as the number of programmes that have "
            "run there; the number is written after each bar."
        ),
    )


def year_rows(all_counts):
    """Every year any of the places was active, in order, so the places line up."""
    return sorted({year for counts in all_counts for year in counts.years})


def busiest_rows(all_counts, attribute, names):
    """Every organisation (or area) of any place, the most counted first, as `(slug, label)`;
    `attribute` is the `ScopeCounts` field and `names` maps slug to label."""
    totals = {}
    for counts in all_counts:
        for slug, count in getattr(counts, attribute).items():
            totals[slug] = totals.get(slug, 0) + count
    order = sorted(totals, key=lambda slug: (-totals[slug], names.get(slug, slug).casefold()))
    return [(slug, names.get(slug, slug)) for slug in order]


def largest_in_matrix(all_counts):
    """The largest count of any cell of any place's matrix, drawn as the biggest circle."""
    grids = [
        by_theme
        for counts in all_counts
        for by_theme in (counts.matrix, counts.strengths, counts.costs)
    ]
    cells = [n for grid in grids for values in grid.values() for n in values.values()]
    cells += [n for counts in all_counts for n in counts.run_here.values()]
    return max(cells, default=0)


def columns(scopes, all_counts, themes, names):
    """Every section for every place, drawn to one scale so that the places compare fairly.

    `themes` are the matrix rows as `(slug, label)`; `names` maps the slugs of organisations
    and areas to their labels.
    """
    years = year_rows(all_counts)
    organisations = busiest_rows(all_counts, "organisations", names["organisations"])
    areas = busiest_rows(all_counts, "site_areas", names["areas"])
    largest_cell = largest_in_matrix(all_counts)
    largest_year = max(
        (sum(statuses.values()) for counts in all_counts for statuses in counts.years.values()),
        default=0,
    )
    largest_organisation = max(
        (n for counts in all_counts for n in counts.organisations.values()), default=0
    )
    largest_area = max((n for counts in all_counts for n in counts.site_areas.values()), default=0)
    return [
        {
            "scope": scope,
            "evidence": evidence_section(number, scope, counts, themes, largest_cell),
            "status": status_section(number, scope, counts, years, largest_year),
            "organisations": organisation_section(
                number, scope, counts, organisations, largest_organisation
            ),
            "sites": sites_section(number, scope, counts, areas, largest_area),
        }
        for number, (scope, counts) in enumerate(zip(scopes, all_counts, strict=True))
    ]
