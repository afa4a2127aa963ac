"""Draft one language of a page from another, and forget the drafts an editor has dealt with.

A draft fills only what is empty in the target language – the page's texts, the blocks of its
StreamFields (markup kept) and the translated texts of its rows (goals, studies) – so nothing an
editor wrote is ever replaced. It is saved as a new revision, not published: the page goes
through moderation as any other change.

Each drafted field is noted in the page's `machine_drafts` (`{language: {field: {"from":
source, "fingerprint": ...}}}`), a field of the page itself, so the note travels with the
revision: the public page says "not yet reviewed" exactly while its live version holds
unreviewed drafts, and reading it costs no query. A note goes when a saved version has other
text in that field (an editor changed it) or when an editor marks the language reviewed.
"""

import copy
import hashlib

from django.utils.text import slugify
from modelcluster.models import get_all_child_relations
from modeltranslation.translator import NotRegistered, translator
from wagtail import blocks
from wagtail.fields import StreamField

from ..translation_status import checked_fields, has_text
from . import apertium


def translated_relations(model):
    """`{relation name: [translated field, ...]}` for the page's rows that carry texts."""
    relations = {}
    for relation in get_all_child_relations(model):
        child = relation.related_model
        try:
            fields = translator.get_options_for_model(child).get_field_names()
        except NotRegistered:
            continue
        relations[relation.get_accessor_name()] = sorted(fields)
    return relations


def stream_texts(block, container, key):
    """`(container, key, is_html)` for every text inside a StreamField's raw (JSON) value."""
    value = container[key]
    if isinstance(block, blocks.RichTextBlock):
        if value:
            yield container, key, True
    elif isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        if value:
            yield container, key, False
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            if name in value:
                yield from stream_texts(child, value, name)
    elif isinstance(block, blocks.ListBlock):
        for position, item in enumerate(value):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                yield from stream_texts(block.child_block, item, "value")
            else:
                yield from stream_texts(block.child_block, value, position)
    elif isinstance(block, blocks.StreamBlock):
        for item in value:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                yield from stream_texts(child, item, "value")


def fingerprint(page, field, language):
    """A digest of `field`'s text in `language`: one field, or all the texts of a relation."""
    relations = translated_relations(type(page))
    if field in relations:
        rows = getattr(page, field).all()
        text = "\n".join(
            str(getattr(row, f"{name}_{language}") or "")
            for row in rows
            for name in relations[field]
        )
    else:
        text = page._meta.get_field(f"{field}_{language}").value_to_string(page)
    return hashlib.sha256(text.encode()).hexdigest()


class Draft:
    """The texts to translate and where each translation goes, gathered before one engine call."""

    def __init__(self, page):
        self.page = page
        self.texts = []
        self.destinations = []
        self.fields = set()
        self.streams = {}  # attribute -> the raw blocks its translations are written into
        self.rows = {}  # relation -> its rows, whose texts the translations are written into

    def add(self, field, text, is_html, put):
        self.texts.append((text, is_html))
        self.destinations.append(put)
        self.fields.add(field)

    def apply(self, source, target):
        for put, translation in zip(
            self.destinations, apertium.translate(self.texts, source, target), strict=True
        ):
            put(translation)
        for attribute, value in (self.streams | self.rows).items():
            setattr(self.page, attribute, value)


def gather(page, source, target):
    """A `Draft` of every text the page has in `source` and lacks in `target`."""
    draft = Draft(page)
    for name in checked_fields(type(page)):
        original = getattr(page, f"{name}_{source}")
        if has_text(getattr(page, f"{name}_{target}")) or not has_text(original):
            continue
        if isinstance(page._meta.get_field(f"{name}_{source}"), StreamField):
            # The blocks without their ids: the copy's blocks get ids of their own on save.
            stream = copy.deepcopy(
                [
                    {"type": item["type"], "value": item["value"]}
                    for item in original.get_prep_value()
                ]
            )
            draft.streams[f"{name}_{target}"] = stream
            block = page._meta.get_field(f"{name}_{source}").stream_block
            for container, key, is_html in stream_texts(block, {"root": stream}, "root"):
                draft.add(name, container[key], is_html, _putter(container, key))
        else:
            draft.add(name, str(original), False, _setter(page, f"{name}_{target}"))
    for relation, fields in translated_relations(type(page)).items():
        # A revision's rows are new objects on every .all(): keep one list and assign it back.
        draft.rows[relation] = rows = list(getattr(page, relation).all())
        for row in rows:
            for name in fields:
                original = getattr(row, f"{name}_{source}")
                if has_text(original) and not has_text(getattr(row, f"{name}_{target}")):
                    draft.add(relation, str(original), False, _setter(row, f"{name}_{target}"))
    return draft


def _setter(holder, attribute):
    return lambda text: setattr(holder, attribute, text)


def _putter(container, key):
    def put(text):
        container[key] = text

    return put


def draft_translation(page, source, target, user):
    """Fill `target` from `source` in the page's latest revision; save it as a new revision.

    Returns the names of the fields drafted (empty when there was nothing to fill). Raises
    `apertium.Unavailable` before anything is changed when the engine cannot translate.
    """
    page = page.get_latest_revision_as_object()
    draft = gather(page, source, target)
    if not draft.fields:
        return []
    draft.apply(source, target)
    if "title" in draft.fields and not getattr(page, f"slug_{target}"):
        setattr(page, f"slug_{target}", slugify(getattr(page, f"title_{target}")))
    notes = page.machine_drafts.setdefault(target, {})
    for field in draft.fields:
        notes[field] = {"from": source, "fingerprint": fingerprint(page, field, target)}
    page.save_revision(user=user, log_action=True)
    return sorted(draft.fields)


def forget_changed(page):
    """Drop the notes of drafted fields whose text is no longer the drafted one."""
    for language, notes in list(page.machine_drafts.items()):
        for field, note in list(notes.items()):
            if fingerprint(page, field, language) != note["fingerprint"]:
                del notes[field]
        if not notes:
            del page.machine_drafts[language]


def mark_reviewed(page, language, user):
    """An editor confirms the drafted texts of `language`: a new revision without their notes."""
    page = page.get_latest_revision_as_object()
    page.machine_drafts.pop(language, None)
    page.save_revision(user=user, log_action=True)


def field_label(model, field):
    """The editor's name of a drafted field, or of a relation's rows ("goals")."""
    if field in translated_relations(model):
        return model._meta.get_field(field).related_model._meta.verbose_name_plural
    return model._meta.get_field(field).verbose_name


def unreviewed(page, language):
    """`{"from": [source languages], "fields": [labels]}` of `language`'s drafts, or None."""
    notes = page.machine_drafts.get(language)
    if not notes:
        return None
    return {
        "from": sorted({note["from"] for note in notes.values()}),
        "fields": [field_label(type(page), field) for field in notes],
    }
