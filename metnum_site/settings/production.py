"""Production: every secret comes from the environment, HTTPS everywhere."""

from .base import *  # noqa: F403
from .environment import env_bool, env_int, env_list, env_str

DEBUG = False
SECRET_KEY = env_str("SECRET_KEY", required=True)
# Former keys, still accepted for sessions and signed links while they expire (rotation: docs/security.md).
SECRET_KEY_FALLBACKS = env_list("SECRET_KEY_FALLBACKS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    from django.core.exceptions import ImproperlyConfigured

    raise ImproperlyConfigured("La variable d'environnement ALLOWED_HOSTS est obligatoire.")

# The public address: SITE_URL, or WAGTAILADMIN_BASE_URL, or https:// and the first allowed host
# when it names one host. Never the development default.
SITE_URL = env_str("SITE_URL", env_str("WAGTAILADMIN_BASE_URL", "")).rstrip("/")
if not SITE_URL:
    if ALLOWED_HOSTS[0].startswith(".") or "*" in ALLOWED_HOSTS[0]:
        from django.core.exceptions import ImproperlyConfigured

        raise ImproperlyConfigured(
            "SITE_URL est obligatoire quand le premier nom d'ALLOWED_HOSTS n'est pas un nom de domaine complet."
        )
    SITE_URL = f"https://{ALLOWED_HOSTS[0]}"

# Several gunicorn processes: only a shared cache (Redis) lets a publication in one of them reach the
# pages the others keep, so without REDIS_URL the page cache stays off (check --deploy says so).
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True) and bool(REDIS_URL)  # noqa: F405

STORAGES["staticfiles"]["BACKEND"] = "whitenoise.storage.CompressedManifestStaticFilesStorage"  # noqa: F405

# HTTPS: the site sits behind a TLS-terminating proxy that sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"

# Logs: one JSON object a line on the standard error (metnum_site/json_logs.py), for the log collector.
LOGGING["formatters"]["json"] = {"()": "metnum_site.json_logs.JsonFormatter"}  # noqa: F405
LOGGING["handlers"]["console"]["formatter"] = "json"  # noqa: F405

# Media on S3-compatible object storage (django-storages) when a bucket is named; MEDIA_ROOT otherwise.
# Credentials come from AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, read by boto3 itself. Files are
# public objects addressed without a signature, at AWS_S3_CUSTOM_DOMAIN when set (a CDN, or the site's
# own host when the proxy forwards /media/ to the bucket), otherwise at the endpoint. The pages'
# Content-Security-Policy allows images from that origin.
AWS_STORAGE_BUCKET_NAME = env_str("AWS_STORAGE_BUCKET_NAME", "")
if AWS_STORAGE_BUCKET_NAME:
    from urllib.parse import urlsplit

    _endpoint = env_str("AWS_S3_ENDPOINT_URL")
    _custom_domain = env_str("AWS_S3_CUSTOM_DOMAIN")
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": AWS_STORAGE_BUCKET_NAME,
            "endpoint_url": _endpoint,
            "region_name": env_str("AWS_S3_REGION_NAME"),
            "custom_domain": _custom_domain,
            "location": env_str("AWS_LOCATION", ""),
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": env_str("AWS_DEFAULT_ACL"),
        },
    }
    if _custom_domain:
        _media_origins = [f"https://{_custom_domain.split('/')[0]}"]
    elif _endpoint:
        # Path-style (endpoint/bucket/…) or virtual-hosted (bucket.endpoint/…) addressing.
        _host = urlsplit(_endpoint).netloc
        _media_origins = [f"https://{_host}", f"https://*.{_host}"]
    else:
        _media_origins = ["https://*.amazonaws.com"]
    for _policy in (PUBLIC_CSP, ADMIN_CSP):  # noqa: F405
        _policy["img-src"] = [*_policy["img-src"], *_media_origins]
