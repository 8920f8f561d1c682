"""Settings shared by every environment. Everything that differs comes from the environment."""

import datetime
from pathlib import Path

import dj_database_url
from wagtail.embeds import oembed_providers

from .environment import env_bool, env_float, env_int, env_list, env_str
from .security import *  # noqa: F403
from .security import content_security_policies

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

INSTALLED_APPS = [
    "accounts",
    "home",
    "jobs",
    "editorial",
    "search",
    "alerts",
    "api",
    "intake",
    "candidates",
    "recruiting",
    "impact",
    "demo",
    "dsfr",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
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
    "django_tasks",
    "django_tasks_db",
    "widget_tweaks",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "metnum_site.database_busy.DatabaseBusyMiddleware",
    "metnum_site.csp.PolicyPerAreaMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Below WhiteNoise, which serves static files already compressed; above everything that writes
    # the body.
    "metnum_site.compression.PublicGZipMiddleware",
    # Inside the CSP middleware (each cached page gets a fresh nonce), outside everything that reads
    # the session: a page served from the cache skips them (metnum_site/page_cache.py).
    # Outside the page cache: counts the offer pages and searches it serves too (impact/middleware.py).
    "impact.middleware.ImpactCountingMiddleware",
    "metnum_site.page_cache.PublicPageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "accounts.middleware.RequireSecondFactorMiddleware",
    "editorial.middleware.AdminPageFenceMiddleware",
    "editorial.middleware.AdminInputMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "metnum_site.urls"
WSGI_APPLICATION = "metnum_site.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "home.context_processors.site_shell",
            ],
        },
    },
]


def database_from_url(url):
    """The default database's settings for a DATABASE_URL."""
    database = dj_database_url.parse(url, conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0))
    options = database.setdefault("OPTIONS", {})
    if database["ENGINE"] == "django.db.backends.sqlite3":
        # Write-ahead log: readers never block the writer, and a commit needs no disk flush (still
        # crash-safe in WAL mode). Without it every commit waits for the disk, which makes an import
        # of thousands of offers (one transaction each) several times slower.
        options.update(
            init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
            # One writer at a time: the others wait for it this long (seconds), then get "database is
            # locked" (a 503 page for a request, metnum_site/database_busy.py).
            timeout=env_int("SQLITE_TIMEOUT", 20),
            # Write transactions take the lock at BEGIN, where SQLite waits for it; taken at their first
            # write, the wait could not happen (SQLITE_BUSY at once). Reads outside atomic() take none.
            transaction_mode="IMMEDIATE",
        )
    elif database["ENGINE"] == "django.db.backends.postgresql" and "jit" not in options.get("options", ""):
        # No JIT compilation: PostgreSQL compiles any statement whose estimated cost crosses
        # jit_above_cost, which costs 100 to 400 ms each time and never pays back on this site's short
        # statements (a page of three offers measured at 300 ms instead of 1 ms on tables without
        # statistics yet). Added to the server options DATABASE_URL may give (?options=…), unless
        # they set jit themselves.
        options["options"] = f"{options.get('options', '')} -c jit=off".strip()
    return database


# Database: DATABASE_URL, or an SQLite file in var/ (the embedded default).
DATABASES = {"default": database_from_url(env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'metnum.sqlite3'}"))}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "accounts.validators.CommonPasswordVariantsValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Sign-in protections (docs/accounts.md). django-axes: 10 failures in 15 minutes lock the account,
# and separately the address, for 15 minutes, the right password included.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = 10
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_USERNAME_FORM_FIELD = "username"
AXES_VERBOSE = False
# Behind the HTTPS proxy, the client's address is the one the proxy appends to X-Forwarded-For
# (metnum_site/client_address.py). django-axes only reads that header through django-ipware, which is
# not installed: it is given our function instead.
TRUSTED_PROXY_COUNT = env_int("AXES_PROXY_COUNT", 0)
AXES_CLIENT_IP_CALLABLE = "metnum_site.client_address.client_address"
# Failed attempts are kept 30 days, then deleted by `manage.py axes_reset_logs --age 30` (docs/accounts.md).
# A second factor (TOTP, django-otp) for superusers and the groups named here; off for the demo.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", True)
TWO_FACTOR_GROUPS = env_list("TWO_FACTOR_GROUPS")
DJANGO_ADMIN_ENABLED = False  # Django's own admin (/django-admin/): development only
OTP_TOTP_ISSUER = "Métiers du numérique"

# Language and time: the site and the admin are in French, dates in Paris time.
LANGUAGE_CODE = "fr"
LANGUAGES = [("fr", "Français")]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
TIME_ZONE = "Europe/Paris"
# The project's French catalogue comes first: it rewords Wagtail's generic strings (docs/admin.md).
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
# The admin's date pickers show and take French dates (Wagtail's default is ISO: 2027-01-25).
WAGTAIL_DATE_FORMAT = "%d/%m/%Y"
WAGTAIL_DATETIME_FORMAT = "%d/%m/%Y %H:%M"
WAGTAIL_TIME_FORMAT = "%H:%M"

# Static and media files. Static files are served by WhiteNoise, also in production.
STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("STATIC_ROOT", str(VAR_DIR / "static")))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))
# Candidates' CVs (candidates/storage.py): a private directory, outside MEDIA_ROOT, never served by a
# public address. Back it up with the database.
PRIVATE_MEDIA_ROOT = Path(env_str("PRIVATE_MEDIA_ROOT", str(VAR_DIR / "private")))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# The site's name, shown in the header, page titles, feeds and emails: written only here.
WAGTAIL_SITE_NAME = "Métiers du numérique"

# Email: SMTP when EMAIL_HOST is set, the console otherwise.
EMAIL_HOST = env_str("EMAIL_HOST", "")
EMAIL_PORT = env_int("EMAIL_PORT", 587)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", True)
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.console.EmailBackend",
)
# Where EMAIL_BACKEND=django.core.mail.backends.filebased.EmailBackend writes (the demo, the browser tests).
EMAIL_FILE_PATH = env_str("EMAIL_FILE_PATH", str(VAR_DIR / "courriels"))
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", f"{WAGTAIL_SITE_NAME} <ne-pas-repondre@metiers.numerique.gouv.fr>")

# Weekly intake of the offers published elsewhere (docs/intake.md): the sources' addresses, and who
# hears of a failed run or one that drops more than usual.
INTAKE_FEEDS = {
    "csp": env_str("INTAKE_CSP_URL", ""),
    "france-travail": env_str("INTAKE_FRANCE_TRAVAIL_URL", ""),
}
INTAKE_NOTIFY_EMAILS = env_list("INTAKE_NOTIFY_EMAILS")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Email alerts (alerts/, docs/alerts.md): digests sent per minute at most (every worker together),
# attempts before a digest is left to the next one, subscription requests allowed per hour.
ALERTS_EMAILS_PER_MINUTE = env_int("ALERTS_EMAILS_PER_MINUTE", 120)
ALERTS_MAX_ATTEMPTS = 5
ALERTS_REQUESTS_PER_ADDRESS = env_int("ALERTS_REQUESTS_PER_ADDRESS", 3)
ALERTS_REQUESTS_PER_CLIENT = env_int("ALERTS_REQUESTS_PER_CLIENT", 10)

# Candidates (candidates/, docs/candidates.md): sign-in links asked for per hour, per address and per
# client; the largest CV accepted (bytes).
CANDIDATES_SIGN_IN_PER_ADDRESS = env_int("CANDIDATES_SIGN_IN_PER_ADDRESS", 5)
CANDIDATES_SIGN_IN_PER_CLIENT = env_int("CANDIDATES_SIGN_IN_PER_CLIENT", 20)
CANDIDATES_CV_MAX_BYTES = env_int("CANDIDATES_CV_MAX_BYTES", 5 * 1024 * 1024)

# Background tasks (django-tasks). The database backend needs `manage.py db_worker`;
# "immediate" runs each task in the request that enqueued it.
TASK_BACKENDS = {
    "database": "django_tasks_db.DatabaseBackend",
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASKS_BACKEND", "database")]}}

# Wagtail
WAGTAILADMIN_BASE_URL = env_str("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
# The public address of the site, the one host of every absolute URL in the sitemaps and robots.txt
# (whatever host a request came by, and whatever hostname the Wagtail Site record holds).
SITE_URL = env_str("SITE_URL", WAGTAILADMIN_BASE_URL).rstrip("/")
WAGTAIL_I18N_ENABLED = False
# A pasted address of the site becomes a link to its page only when it is the page's exact address
# (no confirmation step naming the page): see editorial/admin_views.ScopedExternalLinkView.
WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = "exact"
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "ods", "pdf", "pptx", "rtf", "txt", "xlsx"]
# Uploads (metnum_site/uploads.py): 10 MB a file; images up to 40 megapixels (a larger one takes
# hundreds of megabytes of memory to resize); no SVG, which can carry scripts.
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_IMAGE_FORM_BASE = "metnum_site.uploads.ImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "metnum_site.uploads.DocumentForm"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
WAGTAIL_ENABLE_UPDATE_CHECK = False
# No Gravatar: editors' email hashes are not sent to a third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True
# Embeds are videos (editorial.blocks.VideoBlock): only video platforms, whose oEmbed HTML is an iframe.
# Wagtail's default list also has platforms that answer with scripts (social networks, slides…).
WAGTAILEMBEDS_FINDERS = [
    {
        "class": "wagtail.embeds.finders.oembed",
        "providers": [oembed_providers.youtube, oembed_providers.vimeo, oembed_providers.dailymotion],
    }
]

# Rich text: one safe feature set for every editor (no raw HTML, no embeds of arbitrary code).
RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "metnum_site.rich_text_editor.DraftailArea",
        "OPTIONS": {"features": RICH_TEXT_FEATURES},
    },
}

# django-dsfr marks the content of its alerts, notices, accordions, transcriptions… safe unless told
# otherwise: values from requests and editors reach its tags as text. Rich text is already marked
# safe by the one path that sanitises it (metnum_site/rich_text.py), so it still renders as HTML.
DSFR_CONTENT_IS_SAFE = False
# No subresource integrity on the DSFR's files: django-dsfr hashes its original CSS, but the
# production storage (WhiteNoise's manifest) rewrites the url() references inside those files, so
# the hashes no longer match and browsers refused both stylesheets. The files come from this site's
# own static storage (CSP: 'self'), which is what integrity would protect against a CDN.
DSFR_USE_INTEGRITY_CHECKSUMS = False

# Tags get ASCII slugs ("donnees", not "données"): they appear in public filter URLs (?tag=…).
TAGGIT_STRIP_UNICODE_WHEN_SLUGIFYING = True

# Cache: Redis when REDIS_URL is set (shared by every process: what production needs), else the
# memory of each process. Anonymous public pages are served from it (metnum_site/page_cache.py);
# PAGE_CACHE_TIMEOUT bounds how long a page stays there, whatever invalidates it earlier.
REDIS_URL = env_str("REDIS_URL", "")


def cache_settings(redis_url):
    if redis_url:
        backend = {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": redis_url}
    else:
        backend = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "OPTIONS": {"MAX_ENTRIES": 2000}}
    return {"default": {**backend, "KEY_PREFIX": env_str("CACHE_KEY_PREFIX", "metnum")}}


CACHES = cache_settings(REDIS_URL)
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
PAGE_CACHE_TIMEOUT = env_int("PAGE_CACHE_TIMEOUT", 600)

# Sitemaps: open offers per section file of /sitemap.xml. The protocol allows 50,000; 25,000 keeps each
# file under 300 ms to build at 100,000 offers (docs/benchmarks.md).
SITEMAP_OFFERS_PER_FILE = 25_000

# Search: the offer search uses Elasticsearch when ELASTICSEARCH_URL is set, the database otherwise
# (search/engines/). Wagtail's own search (pages, admin) always uses the database backend, made
# French by search/backends.py (PostgreSQL: the french_unaccent configuration; SQLite: analysis in Python).
ELASTICSEARCH_URL = env_str("ELASTICSEARCH_URL", "")
ELASTICSEARCH_INDEX_PREFIX = env_str("ELASTICSEARCH_INDEX_PREFIX", "metnum")
# Seconds before a search request to Elasticsearch is abandoned for the database engine, and seconds
# during which Elasticsearch is then left alone (search/engines/fallback.py: a hung cluster costs one
# search that much, not every search).
ELASTICSEARCH_TIMEOUT = env_float("ELASTICSEARCH_TIMEOUT", 0.3)
ELASTICSEARCH_COOL_DOWN = env_int("ELASTICSEARCH_COOL_DOWN", 30)
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "search.backends"},
}

# Open-data API (api/, docs/api.md): requests per client address and per period (seconds), then 429;
# 0 turns the limit off. Browsers and proxies may keep an answer API_CACHE_SECONDS.
API_RATE_LIMIT = env_int("API_RATE_LIMIT", 120)
API_RATE_LIMIT_PERIOD = env_int("API_RATE_LIMIT_PERIOD", 60)
API_CACHE_SECONDS = 60

# Audience measurement (optional): Matomo URL from the environment; the site id may also be
# set by editors in the site settings.
MATOMO_URL = env_str("MATOMO_URL", "")
MATOMO_SITE_ID = env_str("MATOMO_SITE_ID", "")

# Where to report a vulnerability (/.well-known/security.txt): a "mailto:" or "https:" address.
SECURITY_CONTACT = env_str("SECURITY_CONTACT", "")
SECURITY_POLICY_URL = env_str("SECURITY_POLICY_URL", "")

# Security headers: the two Content-Security-Policies and the other headers (settings/security.py).
PUBLIC_CSP, ADMIN_CSP = content_security_policies(MATOMO_URL)
CONTENT_SECURITY_POLICY = {"DIRECTIVES": PUBLIC_CSP}

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", ["127.0.0.1", "localhost"])
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        # One line per task and per page action is noise in commands and tests.
        "django_tasks": {"level": "WARNING"},
        "wagtail": {"level": "WARNING"},
    },
}
