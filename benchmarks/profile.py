"""Where the time of one search and one programme page goes: cProfile over repeated requests.

Run in a Django process on a loaded corpus (`python -m benchmarks.steps profile N`), with the
same settings as the served site. The requests go through Django's test client, so the figures
are the site's own Python (views, templates, ORM, the Elasticsearch client) and the time it
waits on PostgreSQL and Elasticsearch, without gunicorn and the network in front.
"""

import cProfile
import io
import pstats
import time
from pathlib import Path

from django.test import Client

#: Which parts of the code a function's file belongs to, first match wins.
PARTS = [
    ("waiting on the network (Elasticsearch's answers)", ("recv_into", "'recv'", "select")),
    ("waiting on PostgreSQL", ("psycopg", "pgconn", "wait_c")),
    ("HTTP client", ("urllib3", "elastic_transport", "http/client")),
    ("templates", ("django/template", "templatetags")),
    ("ORM", ("django/db",)),
    ("Wagtail", ("wagtail/",)),
    ("DRF and serializers", ("rest_framework",)),
    ("Elasticsearch DSL", ("elasticsearch/dsl",)),
    ("the project's code", ("/search/", "/knowledge/", "/base/", "/home/")),
]


def profile(path, repeats):
    """Mean ms per request and the self-time share of each part of the code."""
    client = Client(HTTP_HOST="localhost")
    client.get(path)  # first-use costs (caches, connections) are not the figure
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    for _ in range(repeats):
        response = client.get(path)
    profiler.disable()
    elapsed = time.perf_counter() - started
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    stats = pstats.Stats(profiler, stream=io.StringIO())
    shares = {}
    total = 0.0
    functions = []
    for (filename, _line, function), (_cc, _nc, self_time, _cum, _call) in stats.stats.items():
        where = f"{filename} {function}"
        part = next((name for name, marks in PARTS if any(m in where for m in marks)), "other")
        shares[part] = shares.get(part, 0.0) + self_time
        total += self_time
        functions.append((self_time, f"{Path(filename).name}:{function}"))
    return {
        "path": path,
        "ms_per_request": 1000 * elapsed / repeats,
        "top": [(name, 1000 * t / repeats) for t, name in sorted(functions, reverse=True)[:10]],
        "shares": {
            part: value / total for part, value in sorted(shares.items(), key=lambda i: -i[1])
        },
    }
