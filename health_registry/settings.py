"""Settings for health_registry, read from the environment.

DEBUG is off unless the environment turns it on (`make run`, `make test` and the test
settings do). With DEBUG off (production) a strong SECRET_KEY is mandatory, and HTTPS,
HSTS, Secure cookies, a Content-Security-Policy and a Permissions-Policy are on by default.
"""
import os
from datetime import date
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

from core.email_url import EmailUrlError, parse_email_url

BASE_DIR = Path(__file__).resolve().parent.parent

_DEV_SECRET_KEY = "dev-insecure-key-do-not-use-in-production"


def env_bool(name, default):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def strong_secret_key(key):
    """Django's own rule (check security.W009): 50+ characters, 5+ distinct ones, not a generated dev key."""
    return len(key) >= 50 and len(set(key)) >= 5 and not key.startswith("django-insecure-")


def demo_date(value, *, debug):
    """`DEMO_DATE` as a date (None when empty); ImproperlyConfigured when malformed or set with DEBUG off."""
    if not value.strip():
        return None
    if not debug:
        raise ImproperlyConfigured("DEMO_DATE is for the demo (make run) only: unset it when DEBUG is off.")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise ImproperlyConfigured(f"DEMO_DATE must be a date as YYYY-MM-DD, not {value[:20]!r}.") from None


def proxy_ssl_header(value):
    """`X-Forwarded-Proto` or `X-Forwarded-Proto=https` → ("HTTP_X_FORWARDED_PROTO", "https"); empty → None."""
    name, _, expected = value.partition("=")
    if not name.strip():
        return None
    return "HTTP_" + name.strip().upper().replace("-", "_"), expected.strip() or "https"


# Off unless asked for: a production server that forgets the variable must not show tracebacks.
DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", _DEV_SECRET_KEY)
if not DEBUG and (SECRET_KEY == _DEV_SECRET_KEY or not strong_secret_key(SECRET_KEY)):
    # Refuse to run production with a guessable key (sessions, CSRF, password resets).
    raise ImproperlyConfigured(
        "Set SECRET_KEY to a random value of 50+ characters with 5+ distinct characters when DEBUG is off "
        "(python -c 'import secrets; print(secrets.token_urlsafe(50))')."
    )

ALLOWED_HOSTS = [h.strip() for h in os.environ.get("ALLOWED_HOSTS", "127.0.0.1,localhost").split(",") if h.strip()]
CSRF_TRUSTED_ORIGINS = [o.strip() for o in os.environ.get("CSRF_TRUSTED_ORIGINS", "").split(",") if o.strip()]

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    "django_filters",
    "simple_history",
    "axes",
    # Dependencies point one way: core ← search, territories, editorial ← actors ← programmes.
    "core",
    "search",
    "territories",
    "editorial",
    "actors",
    "programmes",
    # E-mail alerts on programme searches: above programmes, whose FilterSet they reuse.
    "alerts",
    # Above every app: the read-only JSON API (/api/v1/) over their public QuerySets and FilterSets.
    "rest_framework",
    "drf_spectacular",
    "api",
    # Above programmes: the statistics and the regions map of /statistiques/ (not "statistics",
    # the standard library's name), and the site's own pages (accessibility, legal, contact…).
    "insights",
    "pages",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    # Content-Security-Policy and Permissions-Policy on every response, cached pages included.
    "core.security.SecurityHeadersMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # gzip for pages, exports and the API, never for a page holding a secret (BREACH).
    "core.compression.SafeGZipMiddleware",
    # /api/ only: rate limit per client address and CORS headers, on cached answers too; a NUL
    # byte refused in JSON (before the HTML refusal of the next middleware).
    "api.middleware.ApiMiddleware",
    # Before the session middleware: it drops cookies holding a NUL (PostgreSQL refuses them).
    "core.middleware.RejectNullBytesMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "core.middleware.FrenchFirstLocaleMiddleware",
    # The directory version read once per request (every cache key below carries it).
    "core.directory_version.DirectoryVersionMiddleware",
    # Anonymous pages from the cache, before CSRF and authentication are even looked at.
    "core.cache.PublicPageCacheMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # An empty `_to_field` or an initial relation value that is no id: a 400, not the admin's 500.
    "core.admin_params.AdminParamsMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, as django-axes requires.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "health_registry.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "health_registry.wsgi.application"

# Persistent connections in production: each gunicorn thread keeps its PostgreSQL connection for
# CONN_MAX_AGE seconds (60) instead of opening one per request (a new backend process and its
# authentication, several ms), and pings it before reusing it in a new request (CONN_HEALTH_CHECKS),
# so a restarted database costs no failed request. At most workers × threads connections per server
# (4 × 8 = 32 on two cores): keep PostgreSQL's max_connections above their sum. Not Django's psycopg
# pool: persistent connections suit gthread's long-lived threads and need no pool sizing. 0 (one
# per request) with SQLite (opening a file saves nothing) and with DEBUG on (runserver starts a
# thread per request, which would leave a connection open behind each); CONN_MAX_AGE overrides.
_DATABASE_URL = os.environ.get("DATABASE_URL") or f"sqlite:///{BASE_DIR / 'db.sqlite3'}"
_REUSE_CONNECTIONS = not DEBUG and not _DATABASE_URL.startswith("sqlite")
DATABASES = {
    "default": dj_database_url.parse(
        _DATABASE_URL,
        conn_max_age=int(os.environ.get("CONN_MAX_AGE", "60" if _REUSE_CONNECTIONS else "0")),
        conn_health_checks=env_bool("CONN_HEALTH_CHECKS", True),
    )
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Several processes (workers, commands, cron) share the file: readers never wait for a writer
    # (WAL), a transaction takes the write lock when it begins (no failed lock upgrade), and a
    # writer waits for another rather than answering "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20})
# The facets index's INCLUDE columns are PostgreSQL's; SQLite indexes carry the row id anyway.
SILENCED_SYSTEM_CHECKS = ["models.W040"]

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Paris"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
        if DEBUG
        else "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Django's cache: local memory by default, Redis when REDIS_URL (or CACHE_URL) is set.
_REDIS_URL = os.environ.get("REDIS_URL") or os.environ.get("CACHE_URL")
# Redis fails open (core/cache_backends.py): down or slower than REDIS_TIMEOUT seconds, it reads as
# an empty cache (one warning in the log) instead of failing every request.
_REDIS_TIMEOUT = float(os.environ.get("REDIS_TIMEOUT", "0.25"))
_REDIS = {"BACKEND": "core.cache_backends.FailOpenRedisCache", "LOCATION": _REDIS_URL,
          "OPTIONS": {"socket_connect_timeout": _REDIS_TIMEOUT, "socket_timeout": _REDIS_TIMEOUT}}
CACHES = {
    "default": {**_REDIS, "KEY_PREFIX": "hr"}
    if _REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    # Parts of pages (cards ~2 kB, the map ~90 kB), apart from whole pages (~150 kB): in local
    # memory, room for the cards of many listings without keeping as many whole pages.
    "fragments": {**_REDIS, "KEY_PREFIX": "hr-fragment"}
    if _REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragments", "OPTIONS": {"MAX_ENTRIES": 5000}},
    # Whole public pages (core.cache). Pages and fragments are keyed on the directory version: a
    # process that sees a new version empties these two when they are in its local memory.
    "pages": {**_REDIS, "KEY_PREFIX": "hr-page"}
    if _REDIS_URL else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "pages", "OPTIONS": {"MAX_ENTRIES": 1000}},
}
# Public pages: kept this long in the cache (any write makes them stale at once anyway),
# and this long in browsers and CDNs (Cache-Control: public, max-age).
PAGE_CACHE_SECONDS = int(os.environ.get("PAGE_CACHE_SECONDS", "600"))
# Parts of pages kept apart (a listing's programme cards, the regions map): as long, since a
# write makes them stale at once too; 0 renders them on every request.
FRAGMENT_CACHE_SECONDS = int(os.environ.get("FRAGMENT_CACHE_SECONDS", "3600"))
PAGE_MAX_AGE = int(os.environ.get("PAGE_MAX_AGE", "60"))
# Admin CSV imports run as jobs: "thread" (started by the confirming request, the default),
# "queue" (only `manage.py run_imports` runs them) or "inline" (in the request; tests).
IMPORT_JOBS = os.environ.get("IMPORT_JOBS", "thread")
# Larger import files are refused before they are read (admin upload, import job, `import_*` commands).
IMPORT_MAX_BYTES = int(os.environ.get("IMPORT_MAX_BYTES", str(20 * 1024 * 1024)))
IMPORT_MAX_ROWS = int(os.environ.get("IMPORT_MAX_ROWS", "50000"))
# `migrate` loads the 35,000 communes of the reference geography with the levels above them;
# off in the test settings (every test database migrates; the geography tests load them).
GEOGRAPHY_COMMUNES = env_bool("GEOGRAPHY_COMMUNES", True)
# Writes to these apps' models bump the directory version that keys every cached page.
DIRECTORY_APPS = {"territories", "actors", "programmes", "search"}

# The demo's "today" (YYYY-MM-DD): the demo data are all in the past, so `make run` shows them as of
# a date they cover (programmes.status.today(); every page says "Démonstration au …"). Empty in
# production: the real date. Refused with DEBUG off, so a production server never runs on a fake date.
DEMO_DATE = demo_date(os.environ.get("DEMO_DATE", ""), debug=DEBUG)

# Public base URL written into CSV exports (the "page_url" column).
SITE_URL = os.environ.get("SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Named by the legal notice, the accessibility statement and the contact page: fill them in.
SITE_PUBLISHER = os.environ.get("SITE_PUBLISHER", "[Éditeur du site : à renseigner (SITE_PUBLISHER)]")
SITE_HOST = os.environ.get("SITE_HOST", "[Hébergeur : nom, adresse et téléphone à renseigner (SITE_HOST)]")
CONTACT_EMAIL = os.environ.get("CONTACT_EMAIL", "contact@example.invalid")

# The JSON API (api/): anonymous, read-only, JSON only; API_RATE_LIMIT requests per client address
# per API_RATE_WINDOW seconds (0: no limit), counted in Django's cache (Redis when set).
API_RATE_LIMIT = int(os.environ.get("API_RATE_LIMIT", "120"))
API_RATE_WINDOW = max(1, int(os.environ.get("API_RATE_WINDOW", "60")))
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.AllowAny"],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_CONTENT_NEGOTIATION_CLASS": "api.negotiation.JsonOnly",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Annuaire santé — API",
    "DESCRIPTION": "API JSON en lecture seule de l'annuaire : mêmes filtres que les pages publiques.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "POSTPROCESSING_HOOKS": ["drf_spectacular.hooks.postprocess_schema_enums", "api.schema.add_error_responses"],
    "ENUM_NAME_OVERRIDES": {
        "ProgrammeKind": "programmes.models.Programme.Kind", "ActorKind": "actors.models.Actor.Kind",
        "TerritoryKind": "territories.models.Territory.Kind",
    },
}

# Admin logins. The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT reverse proxies
# the Nth entry from the right of X-Forwarded-For (those further left are forgeable); see
# core/client_address.py. Too high a count lets clients pick their address: count only your own.
TRUSTED_PROXY_COUNT = max(0, int(os.environ.get("TRUSTED_PROXY_COUNT", "0")))
AXES_CLIENT_IP_CALLABLE = "core.client_address.client_ip"
# django-axes: one account from one address is locked for an hour after 5 failed logins.
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = 1  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
# An attempt refused while locked checks no password: it neither extends the lock nor counts.
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_LOCKOUT_TEMPLATE = "lockout.html"
# Per account, from every address (core/login_throttle.py): past 10 failures within the hour,
# each attempt waits 1 min after the last failure, doubled per further failure, at most 15 min;
# never an hour-long lock, and addresses the account logged in from in the last 90 days are exempt.
LOGIN_ACCOUNT_FAILURE_LIMIT = int(os.environ.get("LOGIN_ACCOUNT_FAILURE_LIMIT", "10"))
LOGIN_ACCOUNT_DELAY = 60  # seconds
LOGIN_ACCOUNT_MAX_DELAY = 15 * 60  # seconds
LOGIN_KNOWN_ADDRESS_DAYS = 90
# Password reset mails (core/password_reset.py): at most this many per hour per address / per client.
PASSWORD_RESET_LIMIT_PER_EMAIL = 3
PASSWORD_RESET_LIMIT_PER_IP = 10

# E-mail (password resets, alerts): EMAIL_URL (core/email_url.py: smtp+tls://user:pass@host:587,
# console://, file:///path…) sets everything below at once; else the EMAIL_* variables, one each.
# Printed on the console in development, SMTP otherwise.
EMAIL_BACKEND = os.environ.get(
    "EMAIL_BACKEND",
    "django.core.mail.backends.console.EmailBackend" if DEBUG else "django.core.mail.backends.smtp.EmailBackend",
)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("EMAIL_USE_SSL", False)
# A stuck mail server must not hold a request thread for ever.
EMAIL_TIMEOUT = int(os.environ.get("EMAIL_TIMEOUT", "10"))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "annuaire-sante@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
_EMAIL_URL = os.environ.get("EMAIL_URL", "").strip()
if _EMAIL_URL:
    try:
        globals().update(parse_email_url(_EMAIL_URL))
    except EmailUrlError as exc:
        raise ImproperlyConfigured(str(exc)) from None
# In production with no mail settings at all, mails would go to an SMTP server on localhost that is
# probably not there: `send_alerts` and the alert subscription page refuse, saying so, instead.
EMAIL_CONFIGURED = DEBUG or any(os.environ.get(name) for name in ("EMAIL_URL", "EMAIL_HOST", "EMAIL_BACKEND"))

# HTTPS: on by default in production, off in development. Behind a TLS proxy, SECURE_PROXY_SSL_HEADER
# names the header it sets (`X-Forwarded-Proto`): without it every request looks like HTTP and redirects.
HTTPS = env_bool("HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", HTTPS)
SECURE_PROXY_SSL_HEADER = proxy_ssl_header(os.environ.get("SECURE_PROXY_SSL_HEADER", ""))
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = LANGUAGE_COOKIE_SECURE = env_bool("SECURE_COOKIES", HTTPS)
LANGUAGE_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True  # no script reads it
SECURE_CONTENT_TYPE_NOSNIFF = True
# HSTS for a year over HTTPS. The two switches bind every subdomain and the browsers' preload list
# (hard to undo), so they stay off unless the operator turns them on.
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", "31536000" if HTTPS else "0"))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", False)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", False)
# Pages load nothing but their own static files: no inline script or style, no third party.
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
)
# Sends Content-Security-Policy-Report-Only instead: to try a new policy without breaking pages.
CONTENT_SECURITY_POLICY_REPORT_ONLY = env_bool("CONTENT_SECURITY_POLICY_REPORT_ONLY", False)
PERMISSIONS_POLICY = os.environ.get(
    "PERMISSIONS_POLICY",
    "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()",
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"one_line": {"()": "core.logformat.OneLineFormatter", "format": "%(levelname)s %(name)s %(message)s"}},
    "handlers": {
        "console": {"class": "logging.StreamHandler"},
        "one_line": {"class": "logging.StreamHandler", "formatter": "one_line"},
    },
    "loggers": {
        # Anyone can send a forged Host header, as often as they like: one line each, not a traceback.
        "django.security.DisallowedHost": {"handlers": ["one_line"], "propagate": False},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
