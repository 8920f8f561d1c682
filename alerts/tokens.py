"""The signed links of the emails (django.core.signing, keyed by SECRET_KEY and its fallbacks): no
account, no password, and nothing stored. Each kind of link has its own salt, so that one can never
be used as another."""

from django.core import signing
from django.urls import reverse

from metnum_site.addresses import absolute_url

CONFIRMATION_DAYS = 7
CONFIRM, UNSUBSCRIBE, MANAGE = "alerts.confirm", "alerts.unsubscribe", "alerts.manage"


def make(salt, value):
    return signing.dumps(value, salt=salt, compress=True)


def read(salt, token, max_age=None):
    """The signed value, or None when the token was tampered with or has expired."""
    try:
        return signing.loads(token, salt=salt, max_age=max_age)
    except (signing.BadSignature, ValueError, TypeError):
        return None


def confirmation_url(alert, frequency):
    """Valid 7 days; following it confirms the alert with the frequency asked for in the request."""
    return absolute_url(reverse("alerts:confirm", args=[make(CONFIRM, [alert.pk, frequency])]))


def read_confirmation(token):
    value = read(CONFIRM, token, max_age=CONFIRMATION_DAYS * 24 * 3600)
    if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int) and isinstance(value[1], str):
        return value
    return None


def unsubscribe_url(alert):
    return absolute_url(reverse("alerts:unsubscribe", args=[make(UNSUBSCRIBE, alert.pk)]))


def manage_url(subscriber):
    return absolute_url(reverse("alerts:manage", args=[make(MANAGE, subscriber.pk)]))


def read_id(salt, token):
    value = read(salt, token)
    return value if isinstance(value, int) and not isinstance(value, bool) else None
