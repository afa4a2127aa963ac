"""StreamField blocks for the free-form description of a programme."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class QuoteBlock(blocks.StructBlock):
    """A quotation from a source, with who said it (a role and organisation, not a person)."""

    text = blocks.TextBlock(label=_("quotation"))
    attribution = blocks.CharBlock(label=_("attribution"), required=False, max_length=255)

    class Meta:
        icon = "openquote"
        template = "knowledge/blocks/quote.html"


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(label=_("figure"), max_length=40, help_text=_("For example 2,500+"))
    label = blocks.CharBlock(label=_("what it counts"), max_length=255)


class KeyFiguresBlock(blocks.ListBlock):
    def __init__(self, **kwargs):
        super().__init__(KeyFigureBlock(), **kwargs)

    class Meta:
        icon = "table"
        template = "knowledge/blocks/key_figures.html"


class DescriptionBlock(blocks.StreamBlock):
    text = blocks.RichTextBlock(
        label=_("text"), features=["h2", "h3", "bold", "italic", "ol", "ul", "link"]
    )
    quote = QuoteBlock(label=_("quote"))
    figures = KeyFiguresBlock(label=_("key figures"))
