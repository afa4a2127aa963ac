"""The benchmarks' query log: thousands of searches, as people type them, the same every time."""

from collections import Counter
from urllib.parse import parse_qs, urlsplit

from benchmarks.query_log import ENGINES, query_log, without_diacritics
from benchmarks.vocabulary import LANGUAGES, read_concepts


def test_the_log_holds_thousands_of_searches_in_three_languages_common_ones_repeated():
    distinct, requests = query_log(6)
    assert len(set(requests)) >= 2_000
    assert {language for language, _text, _filters in distinct} == {"da", "sv", "en"}
    counts = Counter(requests).most_common()
    assert counts[0][1] > 20 * counts[len(counts) // 2][1]  # Zipf-like: a head and a long tail
    assert 0.2 < sum(1 for _l, _t, filters in requests if filters) / len(requests) < 0.5
    assert any(" " in text for _l, text, _f in distinct)  # several words


def test_the_log_has_the_neighbours_word_typos_and_missing_diacritics():
    distinct, _requests = query_log(6)
    words = {
        lang: {w.lower() for c in read_concepts() for w in c.terms[lang]} for lang in LANGUAGES
    }
    every = set().union(*words.values())
    folded = {without_diacritics(word) for word in every} - every
    single = [(language, text.lower()) for language, text, _f in distinct if " " not in text]
    assert any(lang == "da" and text in words["sv"] - words["da"] for lang, text in single)
    assert any(lang == "sv" and text in words["da"] - words["sv"] for lang, text in single)
    assert any(text in folded for _lang, text in single)  # "overvagning"
    assert any(text not in every and text not in folded for _lang, text in single)  # typos


def test_every_engine_is_sent_the_same_searches_and_the_same_log_every_time():
    _distinct, requests = query_log(6)
    assert query_log(6)[1] == requests
    texts = {
        engine: [parse_qs(urlsplit(path).query)["q"][0] for path in make(requests[:500])]
        for engine, make in ENGINES.items()
    }
    assert texts["ours"] == texts["wagtail-db"] == texts["wagtail-es"]
