"""The search tests' index: three programmes, each only in its own language.

`engine` and `thesaurus_loaded` come from the root conftest.
"""

import pytest

from tests.factories import build_index, document

#: Three programmes, each only in its own language, about different problems.
CROSS_LANGUAGE_DOCS = [
    document(
        1,
        "da",
        "Tryg i parcelhuskvarteret",
        "Politiet og grundejerforeninger forebygger indbrud i villaer med nabohjælp.",
        themes=["burglary"],
        evidence_level=3,
    ),
    document(
        2,
        "sv",
        "Stöd till familjer i Östergötland",
        "Kommunen arbetar mot våld i nära relationer och stöttar barn som bevittnar våld.",
        themes=["violence-in-close-relations"],
        status="planned",
    ),
    document(
        3,
        "en",
        "Young people and dirty money",
        "Webinars teach pupils how criminals use money laundering and money mules.",
        themes=["money-laundering"],
        country=["DK", "SE"],
        status="ended",
    ),
]


@pytest.fixture
def cross_language_index(engine, thesaurus_loaded):
    build_index(engine, CROSS_LANGUAGE_DOCS)
    return engine
