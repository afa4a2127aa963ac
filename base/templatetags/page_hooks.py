"""Sections other apps add to a page, so the page's own app need not know them.

A template names a Wagtail hook, `{% page_sections "programme_page_sections" %}`; each function
registered for it (in an app's `wagtail_hooks.py`) is given the template context and returns the
HTML of its section, or "" for none. Wagtail's own `hook_output` tag would do, but it calls its
functions without the context, and a section about the page needs the page.
"""

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from wagtail import hooks

register = template.Library()


@register.simple_tag(takes_context=True)
def page_sections(context, hook_name):
    """The sections registered for `hook_name`, in the order of registration."""
    sections = (conditional_escape(section(context)) for section in hooks.get_hooks(hook_name))
    return mark_safe("".join(sections))  # noqa: S308 - each part is escaped or already safe
