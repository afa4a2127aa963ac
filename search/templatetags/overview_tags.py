"""The overview's table cell: a count linked to its search, or a hatched, spoken "none".

A tag rather than an `{% include %}`: the overview has hundreds of cells.
"""

from django import template
from django.utils.html import format_html
from django.utils.translation import gettext

register = template.Library()


@register.simple_tag
def count_cell(cell):
    if cell["url"]:
        return format_html(
            '<td class="count-cell"><a href="{}">{}<span class="visually-hidden"> – {}</span>'
            "</a></td>",
            cell["url"],
            cell["count"],
            cell["about"],
        )
    return format_html(
        '<td class="count-cell zero"><span aria-hidden="true">0</span>'
        '<span class="visually-hidden">{}</span></td>',
        gettext("none"),
    )
