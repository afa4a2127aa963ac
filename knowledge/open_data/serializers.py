"""One programme or method page as an open-data record: the single source of truth.

The JSON export writes these records, the CSV export flattens them and the API v2 serves the
same fields under the same names (api_fields.py). Every translated text appears once per
language under an explicit name (`title_da`, `title_sv`, `title_en`): modeltranslation's bare
attribute depends on the active language, which would make a record differ between requests.

This module imports none of the page models, so they can declare their `api_fields` from it
(only the evidence module, which the page models build on).
"""

import datetime
import decimal
from functools import partial

from django.utils import translation

from base.languages import LANGUAGES
from base.visibility import publicly_visible

from ..models.evidence import EMMIE_DIMENSIONS, EvidenceLevel, rating_summary


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


def registry_record(registry):
    """Another registry, each of its labels with the level on our scale it maps to, and why."""
    return {
        "id": registry.pk,
        "slug": registry.slug,
        "name": registry.name,
        "url": registry.url,
        "labels": [
            {
                "id": label.pk,
                "label": label.label,
                "mapped_level": level_record(label.level),
                **texts(label, "reasoning"),
            }
            for label in registry.labels.all()
        ],
    }


def partner_record(partner):
    return {
        "organisation": organisation_record(partner.organisation),
        "role": partner.role,
        **labels("role_label", partner.get_role_display),
    }


def goal_record(goal):
    return texts(goal, "text", "indicator", "target")


def study_record(study):
    """A study and its finding for one outcome: what was measured, which way, and how much."""
    return {
        "citation": study.citation,
        "year": study.year,
        "design": study.design,
        "sms_level": study.sms_level,
        "place": study.place,
        **texts(study, "outcome"),
        "direction": study.direction,
        **texts(study, "effect_size", "finding"),
        "url": study.url,
    }


def level_record(level):
    """A level on the common scale: its number (higher is stronger), code and label."""
    level = EvidenceLevel(level)
    return {
        "level": level.value,
        "code": level.name.lower(),
        **labels("label", lambda: level.label),
    }


def external_rating_record(rating):
    """Another registry's rating in its own words, and the level on our scale its label maps to
    (null for a registry that is not in the registries list, which has no mapping)."""
    listed = rating.registry_label_id is not None
    return {
        "registry": rating.registry_name,
        "registry_slug": rating.registry_label.registry.slug if listed else "",
        "label": rating.label_text,
        "rated_on": plain(rating.rated_on),
        "url": rating.url,
        "mapped_level": level_record(rating.mapped_level) if listed else None,
    }


def evidence_record(page):
    return level_record(page.evidence_level)


def rating_record_entry(record):
    """One rating that went live: when it was rated and reviewed, and by which role, never by
    whom (the public sees the process, not the people)."""
    return {
        **level_record(record.evidence_level),
        "best_design": record.best_design,
        "robust_studies": record.robust_studies,
        "places": record.places,
        "rated_at": plain(record.rated_at),
        "rated_by": record.rated_by,
        "reviewed_at": plain(record.reviewed_at),
        "reviewed_by": record.reviewed_by,
    }


def emmie_record(page):
    """The EMMIE profile: each of the five dimensions with its text and the strength of its
    evidence ("" where the editor has not judged it)."""
    return {
        name: {
            "strength": getattr(page, f"emmie_{name}_strength"),
            **{f"text_{lang}": getattr(page, f"emmie_{name}_{lang}") or "" for lang in LANGUAGES},
        }
        for name, _label in EMMIE_DIMENSIONS
    }


def rating_summary_record(page):
    """The rating as the page shows it: the studies' summary, the EMMIE profile, when it was
    rated and reviewed (null for a page never rated) and the history, newest first."""
    summary = rating_summary([study.facts for study in page.studies.all()])
    history = [rating_record_entry(record) for record in page.rating_records.all()]
    last = history[0] if history else {}
    return {
        **summary,
        **{key: last.get(key) for key in ("rated_at", "rated_by", "reviewed_at", "reviewed_by")},
        "emmie": emmie_record(page),
        "history": history,
    }


def implementation_site_record(site):
    """A place where the page's programme or method has run. The site's contact is left out:
    it is free text that may name a person, and copies of open data cannot be corrected or
    erased later; the page itself shows it."""
    return {
        "area": area_record(site.area),
        "start_year": site.start_year,
        "end_year": site.end_year,
        "organisation": organisation_record(site.organisation) if site.organisation_id else None,
        "organisation_name": site.organisation_label,
        **texts(site, "adapted", "learnt"),
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
    "rating": rating_summary_record,
    **related("studies", study_record),
    **related("external_ratings", external_rating_record),
    **attributes("cost_band", "cost_unit", "cost_amount", "cost_currency", "cost_year"),
    **translated("staffing", "training", "materials", "licence", "fidelity"),
    **attributes("readiness"),
    **related("implementation_sites", implementation_site_record),
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
