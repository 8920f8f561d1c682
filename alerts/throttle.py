"""Subscription requests are rate-limited per address and per client (the cache: Redis in production,
shared by every process). The client is identified as for sign-in attempts and the API
(metnum_site/client_address.py: REMOTE_ADDR, or X-Forwarded-For behind AXES_PROXY_COUNT proxies).
Keys hold a hash, never the address itself."""

import hashlib

from django.conf import settings
from django.core.cache import cache
from django.utils import timezone

from metnum_site.client_address import client_address

WINDOW_SECONDS = 3600


def _key(kind, value):
    digest = hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()[:32]
    hour = int(timezone.now().timestamp()) // WINDOW_SECONDS
    return f"alerts:requests:{kind}:{digest}:{hour}"


def _hit(key):
    cache.add(key, 0, WINDOW_SECONDS)
    try:
        return cache.incr(key)
    except ValueError:  # expired in between
        cache.set(key, 1, WINDOW_SECONDS)
        return 1


def client_over_limit(request):
    """Count one request from this client; True when it is over its hourly limit."""
    client = client_address(request) or "inconnue"
    return _hit(_key("client", client)) > settings.ALERTS_REQUESTS_PER_CLIENT


def address_over_limit(email):
    """Count one request for this address; True when it is over its hourly limit."""
    return _hit(_key("address", email)) > settings.ALERTS_REQUESTS_PER_ADDRESS
