"""Who must confirm their sign-in with a second factor (TOTP). The admin paths left open before they
have are in accounts/middleware.py."""

from django.conf import settings
from django_otp import user_has_device


def must_use_second_factor(user):
    """Anyone who has set up a second factor; and, when TWO_FACTOR_REQUIRED, superusers and the
    members of the groups named in TWO_FACTOR_GROUPS."""
    if not user.is_authenticated:
        return False
    if user_has_device(user, confirmed=True):
        return True
    if not settings.TWO_FACTOR_REQUIRED:
        return False
    return user.is_superuser or user.groups.filter(name__in=settings.TWO_FACTOR_GROUPS).exists()
