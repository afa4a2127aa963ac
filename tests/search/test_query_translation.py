"""A Danish or Swedish query also searched in its Apertium translation, and search without it."""

import time

import pytest

from search import query_translation
from search.params import SearchParams
from search.results import run_search
from tests.factories import build_index, document

pytestmark = pytest.mark.elasticsearch

#: Danish "vidnestøtte" is Swedish "vittnesstöd": neither the thesaurus nor a typo joins them.
WITNESS_SUPPORT = document(
    1, "da", "Frivillige vidnestøtter i retten", "De følger vidner til retsmødet."
)


def found(q, language):
    return [result.id for result in run_search(SearchParams(q=q, language=language)).results]


def test_a_query_is_also_searched_in_its_translation(engine, thesaurus_loaded):
    build_index(engine, [WITNESS_SUPPORT])
    assert found("vittnesstöd", "sv") == [1]


def test_without_apertium_search_answers_all_the_same(engine, thesaurus_loaded, monkeypatch):
    build_index(engine, [WITNESS_SUPPORT])
    monkeypatch.setenv("PATH", "/nonexistent")
    assert found("vidnestøtte", "da") == [1]
    assert found("vittnesstöd", "sv") == []


def test_a_slow_apertium_delays_a_search_a_bounded_time(
    engine, thesaurus_loaded, monkeypatch, tmp_path
):
    build_index(engine, [WITNESS_SUPPORT])
    slow = tmp_path / "apertium"
    slow.write_text("#!/bin/sh\nsleep 30\n")
    slow.chmod(0o755)
    monkeypatch.setenv("PATH", str(tmp_path))
    started = time.monotonic()
    assert found("vidnestøtte", "da") == [1]
    assert time.monotonic() - started < query_translation.TIMEOUT_SECONDS + 5


def test_english_and_empty_queries_are_not_translated():
    assert query_translation.translations("witness support", "en") == []
    assert query_translation.translations("  ", "da") == []
