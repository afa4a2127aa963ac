"""The test run: cheap hashing, local memory cache, emails kept in memory.

The database and Elasticsearch come from DATABASE_URL and ELASTICSEARCH_URL, which `make test`
points at the PostgreSQL instance and the node it starts itself.
"""

from .base import *  # noqa: F403
from .base import env

SECRET_KEY = "test-only-not-secret"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
# The forms may be sent at once in tests; the spam guard's own tests set it.
PARTICIPATION_FORM_MIN_SECONDS = 0
ELASTICSEARCH_INDEX = env.get("ELASTICSEARCH_INDEX", "bro-test-pages")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    # The tests that look at the files themselves put them in a folder of their own.
    "participation_uploads": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
}
WHITENOISE_AUTOREFRESH = True
# Creating an index can take longer than a visitor should wait when CI shares its cores.
ELASTICSEARCH_TIMEOUT = float(env.get("ELASTICSEARCH_TIMEOUT", "30"))
