"""Words typed without their Danish and Swedish letters: folding, and the spellings people use.

People search "aeresrelateret", "forebyggande" or "nabohjalp" for "æresrelateret",
"förebyggande" and "nabohjælp". The language analyzers fold every word with Lucene's ASCII
folding (æ → ae, ø → o, å/ä → a, ö → o) before the thesaurus, the stop words and the stemmer,
in the indexed text and in the query alike, so the stemmer always sees the same letters on both
sides and the thesaurus's rules (parsed by the same chain) are folded with them.

Three things need that folding outside Elasticsearch, which is why it is written here once:
the decompounder's word list (`search.compounds`: stems of folded words, as the chain makes
them), the stop words that have those letters (the stop lists are written with them, so their
folded forms are listed here), and the other spelling of "æ": folding gives "ae", while many
people type "a", so each thesaurus term also gets that spelling (`variants`). Lucene's table
covers every script; this one only the letters of the words we fold (Danish, Swedish and the
Latin letters of the taxonomy), with Unicode's decomposition for the accented ones.
"""

import unicodedata

#: Letters Unicode does not decompose, as Lucene's ASCIIFoldingFilter writes them.
LETTERS = str.maketrans({"æ": "ae", "ø": "o", "œ": "oe", "ß": "ss", "ð": "d", "þ": "th"})
#: The stop words with those letters in Lucene's Danish and Swedish (Snowball) stop lists,
#: folded: the `_danish_`/`_swedish_` lists no longer meet them once the text is folded.
FOLDED_STOP_WORDS = {
    "da": ["pa", "nar", "vaere", "ogsa", "vaeret", "sadan"],
    "sv": [
        "pa", "for", "sa", "ar", "da", "dar", "nagot", "fran", "nar", "over", "an", "har",
        "nagon", "sjalv", "at", "nagra", "sadan", "var", "sadant", "varfor", "sadana", "vart",
        "vara",
    ],
}  # fmt: skip


def fold(text):
    """`text` lowercased and folded as the analyzers fold it ("Ære" → "aere")."""
    decomposed = unicodedata.normalize("NFKD", text.lower().translate(LETTERS))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def variants(term):
    """Other spellings of a term that folding does not reach: "æ" typed as "a"."""
    lowered = term.lower()
    return [lowered.replace("æ", "a")] if "æ" in lowered else []
