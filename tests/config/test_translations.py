"""Every interface string exists in Danish and Swedish: no empty or fuzzy entry in the .po files."""

import re
from pathlib import Path

import pytest

LOCALE = Path(__file__).resolve().parents[2] / "locale"


def entries(path):
    """(flags, msgid, msgstrs) of each entry but the header."""
    for block in path.read_text(encoding="utf-8").split("\n\n")[1:]:
        flags = " ".join(line for line in block.splitlines() if line.startswith("#,"))
        msgid = "".join(
            re.findall(
                r'^(?:msgid|")\s*"?(.*?)"$', block.split("msgid_plural")[0].split("msgstr")[0], re.M
            )
        )
        msgstrs = re.findall(r'^msgstr(?:\[\d\])? "(.*)"\n((?:".*"\n?)*)', block + "\n", re.M)
        yield (
            flags,
            msgid,
            ["".join([first, *re.findall(r'"(.*)"', rest)]) for first, rest in msgstrs],
        )


@pytest.mark.parametrize("language", ["da", "sv"])
def test_every_message_is_translated(language):
    path = LOCALE / language / "LC_MESSAGES" / "django.po"
    untranslated = [
        msgid for flags, msgid, strs in entries(path) if not all(strs) or "fuzzy" in flags
    ]
    assert untranslated == []


def test_the_search_page_speaks_swedish(client, home_page):
    html = client.get("/sv/search/").content.decode()
    assert "Sök bland program och metoder" in html
