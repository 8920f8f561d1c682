"""Local development: debug on, a throwaway secret key, emails written to files in var/courriels/."""

from .base import *  # noqa: F403
from .environment import env_bool, env_str

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env_str("SECRET_KEY", "dev-only-insecure-key-do-not-use-in-production")
# Without a worker running beside runserver, tasks run in the request that enqueues them.
TASKS = {"default": {"BACKEND": TASK_BACKENDS[env_str("TASKS_BACKEND", "immediate")]}}  # noqa: F405

# Emails (alert confirmations and digests) go to one file per sending in var/courriels/, unless an
# SMTP server is configured: `make run` says where to read them.
EMAIL_BACKEND = env_str(
    "EMAIL_BACKEND",
    "django.core.mail.backends.smtp.EmailBackend" if EMAIL_HOST else "django.core.mail.backends.filebased.EmailBackend",  # noqa: F405
)

# The embedded demo signs in with a password only (TWO_FACTOR_REQUIRED=true to try the second factor),
# and routes Django's own admin at /django-admin/, which production never routes.
TWO_FACTOR_REQUIRED = env_bool("TWO_FACTOR_REQUIRED", False)
DJANGO_ADMIN_ENABLED = True

# Serve static files straight from the apps, without collectstatic.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
