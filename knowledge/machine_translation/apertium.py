"""Swedish ↔ Danish translation with Apertium, offline, from Debian's packages.

Why Apertium: public bodies may not send unpublished text to an outside service, and Debian's
`apertium` with the `apertium-swe-dan` pair translates on this machine. English has no offline
pair there, so machine drafts exist between Danish and Swedish only.

Every text of a page goes through one Apertium process (its start-up costs about a second): the
texts are joined by an empty marker element, which Apertium's HTML format passes through as
markup, and split again afterwards. Plain texts are escaped first, so they travel as HTML too.
"""

import html
import re
import shutil
import subprocess

#: Apertium's mode for each (source, target) pair of language codes.
PAIRS = {("sv", "da"): "swe-dan", ("da", "sv"): "dan-swe"}
SEPARATOR = '<div data-bro-segment=""></div>'
SEPARATOR_PATTERN = re.compile(r'<div data-bro-segment(?:="")?>\s*</div>')
TIMEOUT_SECONDS = 120


class Unavailable(Exception):
    """The engine or the language pair is not installed here; the message says what is missing."""


def can_translate(source, target):
    return (source, target) in PAIRS


def translate(texts, source, target, timeout=TIMEOUT_SECONDS):
    """Translate `texts`, a list of `(text, is_html)`, from `source` to `target`; same order.

    `timeout` bounds the wait in seconds (a search waits far less than an editor does).
    """
    if not texts:
        return []
    mode = PAIRS.get((source, target))
    if mode is None:
        raise Unavailable(f"No offline machine translation from {source} to {target}.")
    if shutil.which("apertium") is None:
        raise Unavailable("Apertium is not installed (Debian packages apertium, apertium-swe-dan).")
    joined = SEPARATOR.join(text if is_html else html.escape(text) for text, is_html in texts)
    try:
        result = subprocess.run(
            ["apertium", "-u", "-f", "html", mode],
            input=joined,
            capture_output=True,
            text=True,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired as error:
        raise Unavailable(f"Apertium did not answer within {timeout} s.") from error
    if result.returncode != 0:
        reason = result.stderr.strip().splitlines()[-1:] or ["no message"]
        raise Unavailable(f"Apertium ({mode}) failed: {reason[0]}")
    parts = SEPARATOR_PATTERN.split(result.stdout.rstrip("\n"))
    if len(parts) != len(texts):
        raise Unavailable(f"Apertium returned {len(parts)} texts for {len(texts)}.")
    return [
        part.strip() if is_html else html.unescape(part).strip()
        for part, (_text, is_html) in zip(parts, texts, strict=True)
    ]
