"""Test settings: fast hashing, tasks run immediately, emails kept in memory."""

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
MEDIA_ROOT = VAR_DIR / "test-media"  # noqa: F405
PRIVATE_MEDIA_ROOT = VAR_DIR / "test-private"  # noqa: F405
ALLOWED_HOSTS = ["*"]
WAGTAILADMIN_BASE_URL = "http://testserver"
SITE_URL = "http://testserver"
# The page cache is off in tests, except in the tests that turn it on (tests/metnum_site/test_page_cache.py):
# the others change rows behind the signals' back (queryset updates) and expect the next page to show it.
PAGE_CACHE_ENABLED = False
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
# Tests that need the second factor turn it on; the others sign in with a password.
TWO_FACTOR_REQUIRED = False

# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
