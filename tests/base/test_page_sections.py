"""`page_sections`: what other apps add to a page through a Wagtail hook, given the context."""

from django.template import Context, Template
from django.utils.html import format_html
from wagtail import hooks

TEMPLATE = Template('{% load page_hooks %}<div>{% page_sections "test_page_sections" %}</div>')


def heading(context):
    return format_html("<h2>{}</h2>", context["page"])


def plain_text(context):
    return "<script>alert(1)</script>"


def test_each_hook_gets_the_context_and_adds_its_section_in_order():
    sections = [("test_page_sections", heading), ("test_page_sections", plain_text)]
    with hooks.register_temporarily(sections):
        html = TEMPLATE.render(Context({"page": "Tryg i <Malmö>"}))
    assert html == ("<div><h2>Tryg i &lt;Malmö&gt;</h2>&lt;script&gt;alert(1)&lt;/script&gt;</div>")


def test_no_hook_adds_nothing():
    assert TEMPLATE.render(Context({"page": "x"})) == "<div></div>"
