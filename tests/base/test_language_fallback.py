"""The one fallback rule: the reader's language, then the page's original, then any."""

from types import SimpleNamespace

import pytest
from django.conf import settings

from base.languages import LANGUAGES, Shown, fallback_order, in_language


def test_the_languages_are_the_settings_languages_default_first():
    assert tuple(code for code, _name in settings.LANGUAGES) == LANGUAGES
    assert LANGUAGES[0] == settings.MODELTRANSLATION_DEFAULT_LANGUAGE


@pytest.mark.parametrize(
    ("reader", "original", "order"),
    [
        ("en", "sv", ("en", "sv", "da")),
        ("sv", "da", ("sv", "da", "en")),
        ("da", "da", ("da", "sv", "en")),
        ("en", None, ("en", "da", "sv")),
    ],
)
def test_the_order_is_reader_then_original_then_any(reader, original, order):
    assert fallback_order(reader, original) == order


def test_a_translation_in_the_readers_language_is_shown():
    page = SimpleNamespace(original_language="sv", title_da="Dansk", title_sv="Sv", title_en="En")
    assert in_language(page, "title", "en") == Shown("En", "en")


def test_a_missing_translation_falls_back_to_the_original_not_the_default():
    page = SimpleNamespace(original_language="sv", title_da="Dansk", title_sv="Sv", title_en="")
    assert in_language(page, "title", "en") == Shown("Sv", "sv")


def test_rows_read_like_objects():
    row = {"original_language": "sv", "title_da": "Dansk", "title_sv": "Svensk", "title_en": None}
    assert in_language(row, "title", "en") == Shown("Svensk", "sv")


def test_linked_things_follow_the_pages_original_language():
    term = {"name_da": "Indbrud", "name_sv": "Inbrott", "name_en": ""}
    assert in_language(term, "name", "en", original="sv") == Shown("Inbrott", "sv")
    assert in_language(term, "name", "en") == Shown("Indbrud", "da")


def test_when_the_original_is_empty_too_any_language_is_shown():
    page = {"original_language": "sv", "title_da": "", "title_sv": "", "title_en": "English"}
    assert in_language(page, "title", "da") == Shown("English", "en")


def test_nothing_in_any_language_is_empty_in_the_readers():
    assert in_language({}, "title", "sv") == Shown("", "sv")
