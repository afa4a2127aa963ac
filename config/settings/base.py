"""Settings shared by every environment.

Everything that differs between machines comes from the environment, with defaults that let a
newcomer run the site with no configuration at all: SQLite in the repository folder and the
local Elasticsearch node that `make run` starts.
"""

import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.utils.csp import CSP
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent
env = os.environ.copy()


def env_list(name, default=""):
    """A comma-separated environment variable as a list without empty items."""
    return [item.strip() for item in env.get(name, default).split(",") if item.strip()]


def env_bool(name, default=False):
    return env.get(name, str(default)).strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = env.get("SECRET_KEY", "")
DEBUG = env_bool("DEBUG")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # modeltranslation must come before the apps whose models it translates.
    "wagtail_modeltranslation",
    "wagtail_modeltranslation.makemigrations",
    "wagtail_modeltranslation.migrate",
    "base",
    "home",
    "knowledge",
    "search",
    "participation",
    "backup",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "drf_spectacular",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",
    "axes",
    "django_ratelimit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "config.middleware.ContentSecurityPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "config.middleware.SiteLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "knowledge.open_data.licence.LicenceLinkMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: it turns a lockout into the 429 page.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out name and address is refused before its password is checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(env.get("DATABASE_CONN_MAX_AGE", "60")),
        conn_health_checks=True,
    )
}
# SQLite shared by the site and the indexing worker: a write transaction takes the write lock
# when it begins (IMMEDIATE), so a second writer waits for it (`timeout`, seconds) instead of
# failing at once with "database is locked"; in WAL mode readers never wait for a writer.
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
# JSON fixtures that keep times to the microsecond, for `manage.py backup` and `restore`.
SERIALIZATION_MODULES = {"exactjson": "backup.serializer"}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Languages: Danish is the default; every page exists in Danish, Swedish and English.
LANGUAGE_CODE = "da"
LANGUAGES = [
    ("da", _("Danish")),
    ("sv", _("Swedish")),
    ("en", _("English")),
]
LOCALE_PATHS = [BASE_DIR / "locale"]
MODELTRANSLATION_DEFAULT_LANGUAGE = "da"
MODELTRANSLATION_FALLBACK_LANGUAGES = {"default": ("da", "sv", "en")}
WAGTAILMODELTRANSLATION_LOCALE_PICKER = True
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(env.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env.get("MEDIA_ROOT", BASE_DIR / "media"))
# Files the public uploads with a proposal: unvetted, maybe with personal data, so never under
# MEDIA_ROOT; editors fetch them through the admin (participation/storage.py).
PARTICIPATION_UPLOADS_ROOT = Path(
    env.get("PARTICIPATION_UPLOADS_ROOT", BASE_DIR / "private-uploads")
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    "participation_uploads": {
        "BACKEND": "django.core.files.storage.FileSystemStorage",
        "OPTIONS": {
            "location": PARTICIPATION_UPLOADS_ROOT,
            "file_permissions_mode": 0o600,
            "directory_permissions_mode": 0o700,
        },
    },
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "Bro"
WAGTAILADMIN_BASE_URL = env.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = False  # one page tree, translated field by field (modeltranslation)
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]

# Wagtail's own search index backs the admin's page search only; the public search is ours.
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
# The API v2 (/api/v2/): no ?search= there (that backend mixes languages; /api/search/ is the
# search API), and room for every programme in a few requests.
WAGTAILAPI_SEARCH_ENABLED = False
WAGTAILAPI_LIMIT_MAX = 100
# The read-only public APIs serve everyone alike and authenticate no one: DRF's default session
# and HTTP Basic authentication would take passwords there (and count the failures as logins).
# The search API's OpenAPI schema is generated from its views (search/schema.py).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Bro search API",
    "DESCRIPTION": "Crime-prevention programmes and methods of Denmark and Sweden, "
    "searched across Danish, Swedish and English.",
    "VERSION": "1",
    "OAS_VERSION": "3.1.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SERVE_AUTHENTICATION": [],
    # The published schema covers the search API only (search/urls.py gives SchemaView its
    # patterns) and schemathesis holds it to the code in the suite. The deploy check would build
    # another one over every DRF view there is, Wagtail's admin API included.
    "ENABLE_DJANGO_DEPLOY_CHECK": False,
}

# The public search: one Elasticsearch node or cluster, reached by URL.
ELASTICSEARCH_URL = env.get("ELASTICSEARCH_URL", "http://127.0.0.1:9201")
ELASTICSEARCH_INDEX = env.get("ELASTICSEARCH_INDEX", "bro-pages")
ELASTICSEARCH_TIMEOUT = float(env.get("ELASTICSEARCH_TIMEOUT", "5"))

# A monitor that sends `Authorization: Bearer <this>` gets /healthz's detail (config/health.py).
HEALTHZ_TOKEN = env.get("HEALTHZ_TOKEN", "")

# Security headers for every response (production adds HSTS and secure cookies). The public
# templates load scripts, styles and images from the site itself only; an inline script or
# style must carry the request's nonce (`<script nonce="{{ csp_nonce }}">`).
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF, CSP.NONCE],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
# Wagtail's admin: inline scripts and styles allowed, framed by itself only (the live preview).
SECURE_CSP_ADMIN = SECURE_CSP | {
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [CSP.SELF, "data:", "blob:"],
    "frame-src": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],
}
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CONTENT_TYPE_NOSNIFF = True
X_FRAME_OPTIONS = "DENY"  # Wagtail's preview views allow their own origin themselves

# The reverse proxies whose X-Forwarded-For is believed (config/client_address.py); without them
# the client is the peer address.
TRUSTED_PROXIES = env_list("TRUSTED_PROXIES")

# Login protection (django-axes, config/login_protection.py): LOGIN_FAILURE_LIMIT failed logins
# for one user name from one address lock that pair out for LOGIN_FAILURE_WINDOW seconds. Five
# tries is plenty for a forgotten password, and fifteen minutes makes guessing hopeless.
LOGIN_FAILURE_LIMIT = int(env.get("LOGIN_FAILURE_LIMIT", "5"))
LOGIN_FAILURE_WINDOW = int(env.get("LOGIN_FAILURE_WINDOW", "900"))
AXES_FAILURE_LIMIT = LOGIN_FAILURE_LIMIT
AXES_COOLOFF_TIME = timedelta(seconds=LOGIN_FAILURE_WINDOW)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_USERNAME_CALLABLE = "config.login_protection.username"
AXES_CLIENT_IP_CALLABLE = "config.client_address.client_address"
AXES_LOCKOUT_CALLABLE = "config.login_protection.lockout_response"
AXES_VERBOSE = False

# Requests per client to the expensive anonymous endpoints (config/rate_limits.py), as
# django-ratelimit rates ("N/s", "N/m", "N/h"): generous for people, a wall for a flood.
RATE_LIMITS = {
    "search": env.get("RATE_LIMIT_SEARCH", "120/m"),
    "suggest": env.get("RATE_LIMIT_SUGGEST", "600/m"),
    "export": env.get("RATE_LIMIT_EXPORT", "30/m"),
    "overview": env.get("RATE_LIMIT_OVERVIEW", "60/m"),
    # What visitors send in (participation/): a person sends a few a day.
    "participation": env.get("RATE_LIMIT_PARTICIPATION", "10/h"),
}

# The cache every process shares: login protection aside, the rate limits, the cached fragments
# and lookups live there (keys versioned on publish, base/content_cache.py). Without REDIS_URL,
# one process's own memory (tests, a lone runserver).
#
# Redis through django-redis, for its IGNORE_EXCEPTIONS: when Redis is down or slow (the socket
# timeouts, in seconds), a read is a miss and a write is dropped, so the pages are rendered from
# the database instead of answering 500; each dropped call is logged (django_redis.cache).
# Django's own RedisCache has no such switch. The rate limits then let every request through
# (RATELIMIT_FAIL_OPEN, config/rate_limits.py); /healthz reports Redis (config/health.py).
REDIS_URL = env.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": env.get("CACHE_KEY_PREFIX", "bro"),
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 1,
                "SOCKET_TIMEOUT": 1,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
    SILENCED_SYSTEM_CHECKS = []
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    # django-ratelimit refuses a per-process cache; production sets REDIS_URL (its check
    # --deploy fails without), a single development process is served by its own memory.
    SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# A rate limit that cannot count (Redis down) lets the request through: the public pages, search
# and exports stay open to everyone for the length of the outage, rather than closed to everyone.
RATELIMIT_FAIL_OPEN = True

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.get("LOG_LEVEL", "WARNING")},
    # The search app reports an unreachable engine once, in its own words.
    "loggers": {"elastic_transport": {"level": "ERROR"}},
}
ELASTICSEARCH_REPLICAS = int(env.get("ELASTICSEARCH_REPLICAS", "0"))
# /healthz calls the indexing worker stale after this long without a round (seconds).
SEARCH_WORKER_STALE_AFTER = int(env.get("SEARCH_WORKER_STALE_AFTER", "300"))
# Where the worker writes the full open-data exports that /api/open-data/export.* serve.
OPEN_DATA_EXPORT_ROOT = Path(env.get("OPEN_DATA_EXPORT_ROOT", BASE_DIR / "open-data"))
# Seconds without a further publish before the exports are written again, and the longest
# a change waits when publishing never pauses.
OPEN_DATA_EXPORT_DELAY = int(env.get("OPEN_DATA_EXPORT_DELAY", "10"))
OPEN_DATA_EXPORT_MAX_DELAY = int(env.get("OPEN_DATA_EXPORT_MAX_DELAY", "120"))
# Who publishes the open data, as the DCAT-AP catalogue names them for the open-data portals:
# a name, an address that identifies the organisation (Sweden's portal recommends
# http://dataportal.se/organisation/SE<organisation number>; by default the site's own) and the
# address of a function, not a person, that answers questions about the data.
OPEN_DATA_PUBLISHER_NAME = env.get("OPEN_DATA_PUBLISHER_NAME", "Bro")
OPEN_DATA_PUBLISHER_URI = env.get("OPEN_DATA_PUBLISHER_URI", "")
OPEN_DATA_CONTACT_EMAIL = env.get("OPEN_DATA_CONTACT_EMAIL", "opendata@localhost")

# Mail to visitors (participation/): Django's SMTP mailer, the server from the environment.
MAILERS = {
    "default": {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": env.get("EMAIL_HOST", "localhost"),
            "port": int(env.get("EMAIL_PORT", "25")),
            "username": env.get("EMAIL_HOST_USER", ""),
            "password": env.get("EMAIL_HOST_PASSWORD", ""),
            "use_tls": env_bool("EMAIL_USE_TLS"),
            "use_ssl": env_bool("EMAIL_USE_SSL"),
            "timeout": float(env.get("EMAIL_TIMEOUT", "10")),
        },
    }
}
DEFAULT_FROM_EMAIL = env.get("DEFAULT_FROM_EMAIL", "Bro <bro@localhost>")

# Participation (participation/): the spam guard's time window (seconds between showing a form
# and sending it), the largest source file, the weekly digest, and how long personal data is kept.
PARTICIPATION_FORM_MIN_SECONDS = float(env.get("PARTICIPATION_FORM_MIN_SECONDS", "3"))
PARTICIPATION_FORM_MAX_SECONDS = 24 * 3600
PARTICIPATION_UPLOAD_MAX_BYTES = 10 * 1024 * 1024
PARTICIPATION_DIGEST_DAYS = float(env.get("PARTICIPATION_DIGEST_DAYS", "7"))
PARTICIPATION_RETENTION_DAYS = int(env.get("PARTICIPATION_RETENTION_DAYS", "365"))
PARTICIPATION_UNCONFIRMED_DAYS = 7

# What the indexing worker also runs (search/periodic.py): name -> (function, seconds between).
WORKER_PERIODIC_JOBS = {
    "digests": ("participation.jobs.weekly_digests", 3600),
    "proposers": ("participation.jobs.tell_proposers", 300),
    "retention": ("participation.jobs.delete_expired_personal_data", 24 * 3600),
}
