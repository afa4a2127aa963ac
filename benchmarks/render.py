"""Which pages the rendering figures use, and how many SQL queries each makes."""

import random
import statistics

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from base.languages import LANGUAGES
from knowledge.models import ProgrammePage

from .queries import search_pages


def compare_path(ids, language):
    """The compare page of these pages: `/<lang>/compare/?ids=...`."""
    with translation.override(language):
        return f"{reverse('compare')}?ids={','.join(map(str, ids))}"


def sample_urls(count, seed=6):
    """Programme pages in every language, search pages, and compare pages of 3 programmes."""
    rng = random.Random(seed)
    ids = list(ProgrammePage.objects.live().values_list("pk", flat=True))
    chosen = rng.sample(ids, min(count, len(ids)))
    programmes = []
    for index, page in enumerate(ProgrammePage.objects.filter(pk__in=chosen)):
        with translation.override(LANGUAGES[index % len(LANGUAGES)]):
            programmes.append(page.get_url())
    compare = [
        compare_path(chosen[start : start + 3], LANGUAGES[start // 3 % len(LANGUAGES)])
        for start in range(0, min(len(chosen), 30), 3)
    ]
    return {"programme": programmes, "search": search_pages(), "compare": compare}


def query_counts(urls_by_kind):
    """SQL queries per request, after one warm-up request of each kind (as a running worker)."""
    client = Client(HTTP_HOST="localhost")
    counts = {}
    for kind, urls in urls_by_kind.items():
        if not urls:
            continue
        client.get(urls[0])
        numbers = []
        for url in urls[1:11]:
            with CaptureQueriesContext(connection) as queries:
                response = client.get(url)
            if response.status_code != 200:
                raise RuntimeError(f"{url} answered {response.status_code}")
            numbers.append(len(queries))
        counts[kind] = {"median": statistics.median(numbers), "max": max(numbers)}
    return counts
