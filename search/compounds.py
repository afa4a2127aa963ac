"""The words Danish and Swedish compounds are split into for search, as stems.

Danish and Swedish write compounds as one word: a Swedish page about "bostadsinbrott" should be
found by a Dane's "indbrud i boliger" (the thesaurus turns "indbrud" into "inbrott"), and
"indbrudsforebyggelse" by "forebyggelse af indbrud". Lucene's dictionary decompounder (the
index's `dictionary_decompounder` filter) adds each word of a list that it finds inside a longer
word at that word's place, in the indexed text and in the query alike.

It runs after the stemmer, so the list holds stems (made here with the same Snowball stemmers
Lucene uses): inside a compound a word is seldom in its dictionary form ("kroppskameror" holds
"kameror", not "kamera"), while the stem "kamer" is in both. Linking elements (Swedish and Danish
-s-, Danish -e-) need no rule: the parts are looked for anywhere in the word.

The words are the thesaurus's own, Danish and Swedish: the words a query in another language is
translated into, so the parts found are the ones that meet across the border.
"""

import snowballstemmer

from .folding import fold
from .thesaurus import terms_in

STEMMERS = {"da": "danish", "sv": "swedish"}
#: Shorter stems ("bo", "hus") are inside too many unrelated words to be worth finding.
MIN_PART = 4


def compound_parts():
    """`{language: stems}` for the languages whose compounds are split."""
    return {language: language_parts(language) for language in STEMMERS}


def language_parts(language):
    """The stems of the folded words of `language`'s thesaurus terms, with that language's
    stemmer: the analyzers fold before they stem (`search.folding`)."""
    stemmer = snowballstemmer.stemmer(STEMMERS[language])
    words = {fold(word) for term in terms_in(language) for word in term.split() if word.isalpha()}
    return sorted({stem for stem in stemmer.stemWords(sorted(words)) if len(stem) >= MIN_PART})
