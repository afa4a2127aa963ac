"""One programme or method page as an open-data record: the single source of truth.

The JSON export writes these records, the CSV export flattens them and the API v2 serves the
same fields under the same names (api_fields.py). Every translated text appears once per
language under an explicit name (`title_da`, `title_sv`, `title_en`): modeltranslation's bare
attribute depends on the active language, which would make a record differ between requests.

This module imports none of the page models, so they can declare their `api_fields` from it.
"""

import datetime
import decimal
from functools import partial

from django.utils import translation

from base.languages import LANGUAGES
from base.visibility import publicly_visible


def plain(value):
    """A model value as JSON can hold it: dates as ISO 8601, whole-number decimals as integers."""
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    return value


def texts(obj, *names):
    """`{name_da: ..., name_sv: ..., name_en: ...}` for each name; a missing translation is ""."""
    return {
        f"{name}_{lang}": getattr(obj, f"{name}_{lang}") or ""
        for name in names
        for lang in LANGUAGES
    }


def labels(prefix, get_label):
    """A choice's label in every language: `get_label` is called with each language active."""
    result = {}
    for lang in LANGUAGES:
        with translation.override(lang):
            result[f"{prefix}_{lang}"] = str(get_label())
    return result


def page_url(page, language):
    """The page's public address in one language (Wagtail's site root plus /<lang>/...)."""
    with translation.override(language):
        return page.get_full_url()


# --- records of the things pages link to ----------------------------------------------------


def term_record(term):
    return {"id": term.pk, "slug": term.slug, **texts(term, "name")}


def organisation_record(organisation):
    return {
        **term_record(organisation),
        "kind": organisation.kind,
        "country": organisation.country,
        "website": organisation.website,
    }


def area_record(area):
    return {
        **term_record(area),
        "kind": area.kind,
        "country": area.country,
        "code": area.code,
        "parent_id": area.parent_id,
    }


def source_record(source):
    return {
        "id": source.pk,
        "slug": source.slug,
        **texts(source, "title"),
        "kind": source.kind,
        "publisher_id": source.publisher_id,
        "date": plain(source.date),
        "year": source.published_year,
        "language": source.language,
        "url": source.url,
        "document": source.document,
    }


def source_link_record(link):
    """A source the page is based on, with the passage in it that supports the page."""
    return {**source_record(link.source), "passage": link.passage}


def partner_record(partner):
    return {
        "organisation": organisation_record(partner.organisation),
        "role": partner.role,
        **labels("role_label", partner.get_role_display),
    }


def goal_record(goal):
    return texts(goal, "text", "indicator", "target")


def study_record(study):
    return {
        "citation": study.citation,
        "year": study.year,
        "design": study.design,
        **texts(study, "outcome", "finding"),
        "url": study.url,
    }


def external_rating_record(rating):
    return {
        "registry": rating.registry,
        "label": rating.label,
        "rated_on": plain(rating.rated_on),
        "url": rating.url,
    }


def evidence_record(page):
    """The level on the common scale: its number (higher is stronger), code and label."""
    return {
        "level": page.evidence_level,
        "code": page.evidence.name.lower(),
        **labels("label", page.get_evidence_level_display),
    }


def page_link_record(page):
    return {"id": page.pk, **texts(page, "title")}


# --- the fields of a page -------------------------------------------------------------------


def _attribute(page, name):
    return plain(getattr(page, name))


def _text(page, name):
    return getattr(page, name) or ""


def _related(page, name, record):
    return [record(item) for item in getattr(page, name).all()]


def _published(page, name):
    """Linked pages that are live and public: an unpublished page must not show through a link.

    Listings prefetch them into `published_<name>` (queries.py); for one page they are queried.
    """
    pages = getattr(page, f"published_{name}", None)
    if pages is None:
        pages = publicly_visible(getattr(page, name)).order_by("pk")
    return [page_link_record(linked) for linked in pages]


def _description(page, name):
    """A description StreamField as Wagtail's API represents it: a list of typed blocks."""
    stream = getattr(page, name)
    return stream.stream_block.get_api_representation(stream) if stream else []


def attributes(*names):
    return {name: partial(_attribute, name=name) for name in names}


def translated(*names, read=_text):
    return {
        f"{name}_{lang}": partial(read, name=f"{name}_{lang}")
        for name in names
        for lang in LANGUAGES
    }


def related(name, record, attribute=None):
    return {name: partial(_related, name=attribute or name, record=record)}


#: Field name -> function(page) -> JSON value, shared by programmes and methods.
KNOWLEDGE_FIELDS = {
    **translated("title", "slug"),
    **{f"url_{lang}": partial(page_url, language=lang) for lang in LANGUAGES},
    **translated("summary"),
    **attributes(
        "country", "original_language", "first_published_at", "last_published_at", "last_reviewed"
    ),
    **related("themes", term_record),
    "evidence": evidence_record,
    **translated("evidence_note"),
    **related("studies", study_record),
    **related("external_ratings", external_rating_record),
    **related("sources", source_link_record, attribute="source_links"),
}

PROGRAMME_FIELDS = {
    **KNOWLEDGE_FIELDS,
    **translated("description", read=_description),
    **related("goals", goal_record),
    **attributes("status", "start_year", "end_year", "prevention_approach", "prevention_level"),
    **related("target_groups", term_record),
    **related("arenas", term_record),
    **related("areas", area_record),
    **related("partners", partner_record),
    "methods": partial(_published, name="methods"),
    **attributes("funding_amount", "funding_currency"),
    **translated("funding_note", "implementation", "contact"),
    **attributes("contact_url"),
}

METHOD_FIELDS = {
    **KNOWLEDGE_FIELDS,
    **translated("what_it_is", "mechanism", "when_to_use", "requirements"),
    "programmes": partial(_published, name="programmes"),
}

#: The record type of each page model, by the model's name (this module imports no model).
RECORD_TYPES = {"ProgrammePage": "programme", "MethodPage": "method"}
FIELDS = {"programme": PROGRAMME_FIELDS, "method": METHOD_FIELDS}


def page_record(page):
    """Everything public about one programme or method page, every language explicit."""
    record_type = RECORD_TYPES[type(page).__name__]
    fields = FIELDS[record_type]
    return {
        "id": page.pk,
        "type": record_type,
        **{name: read(page) for name, read in fields.items()},
    }
