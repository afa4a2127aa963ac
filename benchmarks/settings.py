"""The benchmark's settings: production's, served over plain http on the loopback.

What differs from `config.settings.production`, and why:
- SECRET_KEY: a fixed throw-away key when none is set (production refuses to start without);
- SECURE_SSL_REDIRECT off: gunicorn serves http on 127.0.0.1, with no TLS proxy in front;
- ROOT_URLCONF: the site's URLs plus the peers' search views (`benchmarks/urls.py`);
- WAGTAILSEARCH_BACKENDS: the project's database backend (as in production, it backs the
  admin's page search) plus Wagtail's Elasticsearch 8 backend on the benchmark's node, the
  second peer;
- STATIC_ROOT: the run's own folder (the harness runs collectstatic into it);
- RATELIMIT_ENABLE off: the load comes from one address, and the search is measured, not the
  per-client limits (config/rate_limits.py).
Everything else (DEBUG off, manifest static files through WhiteNoise, caches, database
connection reuse) is production's.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only-not-secret")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from config.settings.production import *  # noqa: E402, F403
from config.settings.production import ELASTICSEARCH_URL, env  # noqa: E402

ROOT_URLCONF = "benchmarks.urls"
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
STATIC_ROOT = env.get("STATIC_ROOT", "/tmp/bro-bench-static")
RATELIMIT_ENABLE = False
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "wagtail.search.backends.database"},
    "elasticsearch": {
        "BACKEND": "benchmarks.peer_backend",
        "URLS": [ELASTICSEARCH_URL],
        "INDEX_PREFIX": env.get("BENCH_PEER_INDEX_PREFIX", "bench-wagtail-"),
        "TIMEOUT": 30,
        "AUTO_UPDATE": True,
    },
}
