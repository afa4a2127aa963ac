"""A proposal becomes a draft page in the right country section, in the proposer's language.

The draft carries what the proposer wrote where it belongs (title, summary, contact) in their
language, and is saved as a draft revision that never went live: editors complete it in the
admin and publish it through moderation. While the page model requires some Danish fields
(knowledge's default language; to be lifted by "publish in the original language only"), the
draft fills those with the proposer's own text, in the language it was written in, so nothing is
made up; `original_language` says which language that is.
"""

from django.utils.text import slugify
from django.utils.translation import override

from base.languages import LANGUAGES
from knowledge.models import (
    CountrySectionPage,
    MethodIndexPage,
    MethodPage,
    ProgrammeIndexPage,
    ProgrammePage,
)

from .models import Kind

MODELS = {
    Kind.PROGRAMME: (ProgrammePage, ProgrammeIndexPage),
    Kind.METHOD: (MethodPage, MethodIndexPage),
}


def section_for(kind, country):
    """The country section under the programme or method index, or None if the site has none."""
    index = MODELS[kind][1].objects.first()
    if index is None:
        return None
    return CountrySectionPage.objects.child_of(index).filter(country=country).first()


def free_slug(parent, base):
    """`base`, or `base-2` ..., free among the children's slugs in every language."""
    columns = [f"slug_{language}" for language in LANGUAGES]
    taken = {slug for row in parent.get_children().values_list(*columns) for slug in row}
    slug, number = base, 1
    while slug in taken:
        number += 1
        slug = f"{base}-{number}"
    return slug


def create_draft(proposal):
    """Add the draft page for `proposal`, link it to the proposal and return it (None when the
    site has no such section: the proposal is kept and shown in the admin all the same)."""
    model, _index = MODELS[proposal.kind]
    section = section_for(proposal.kind, proposal.country)
    if section is None:
        return None
    slug = free_slug(section, slugify(proposal.title, allow_unicode=True)[:80] or "proposal")
    texts = {"title": proposal.title, "slug": slug, "summary": proposal.description}
    if model is ProgrammePage:
        texts["contact"] = proposal.organisation
    page = model(
        live=False,
        country=proposal.country,
        original_language=proposal.language,
        **{f"{name}_{proposal.language}": value for name, value in texts.items()},
    )
    with override(proposal.language):
        section.add_child(instance=page)
        page.save_revision()
    proposal.page = page
    proposal.save(update_fields=["page"])
    return page
