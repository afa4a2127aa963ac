"""Time from publishing a page to finding it through the search endpoint of an engine."""

import json
import random
import statistics
import time
import urllib.request
import uuid
from urllib.parse import urlencode

from base.languages import LANGUAGES
from knowledge.models import ProgrammePage

ENDPOINTS = {
    "ours": "/api/search/",
    "wagtail-db": "/bench/peer/database/",
    "wagtail-es": "/bench/peer/elasticsearch/",
}
TIMEOUT = 30


def found(base_url, engine, word, page_id):
    query = urlencode({"q": word, "lang": "da"})
    with urllib.request.urlopen(f"{base_url}{ENDPOINTS[engine]}?{query}", timeout=10) as answer:
        hits = json.load(answer)["results"]
    return any(hit["id"] == page_id for hit in hits)


def retitle(page, suffix):
    for language in LANGUAGES:
        title = getattr(page, f"title_{language}")
        setattr(page, f"title_{language}", f"{title.rsplit(' zq', 1)[0]}{suffix}")
    page.save_revision().publish()


def publish_to_searchable(engine, base_url, repeats, seed=6):
    """Seconds, per repeat, from the start of `publish()` to the first search that finds it.

    The title gets a word found nowhere else; afterwards the page gets its title back.
    """
    rng = random.Random(seed)
    ids = list(ProgrammePage.objects.live().values_list("pk", flat=True))
    timings = []
    for _ in range(repeats):
        page = ProgrammePage.objects.get(pk=rng.choice(ids))
        word = "zq" + uuid.uuid4().hex[:10].translate(str.maketrans("0123456789", "ghijklmnop"))
        started = time.perf_counter()
        retitle(page, f" {word}")
        while not found(base_url, engine, word, page.pk):
            if time.perf_counter() - started > TIMEOUT:
                raise RuntimeError(f"{engine}: page {page.pk} not found after {TIMEOUT} s")
            time.sleep(0.005)
        timings.append(time.perf_counter() - started)
        retitle(page, "")
    return {"median": statistics.median(timings), "max": max(timings), "all": timings}
