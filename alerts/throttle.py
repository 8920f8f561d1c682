"""Subscription requests are rate-limited per address and per client, each within the hour
(metnum_site/rate_limits.py). The client is identified as for sign-in attempts and the API
(metnum_site/client_address.py: REMOTE_ADDR, or X-Forwarded-For behind AXES_PROXY_COUNT proxies)."""

from django.conf import settings

from metnum_site.client_address import client_address
from metnum_site.rate_limits import count_request

WINDOW_SECONDS = 3600


def client_over_limit(request):
    """Count one request from this client; True when it is over its hourly limit."""
    count, _ = count_request("alert-requests-client", client_address(request) or "inconnue", WINDOW_SECONDS)
    return count > settings.ALERTS_REQUESTS_PER_CLIENT


def address_over_limit(email):
    """Count one request for this address; True when it is over its hourly limit."""
    count, _ = count_request("alert-requests-address", email, WINDOW_SECONDS)
    return count > settings.ALERTS_REQUESTS_PER_ADDRESS
