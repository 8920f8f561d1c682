"""Sign-in link requests are rate-limited per address and per client, each within the hour
(metnum_site/rate_limits.py, metnum_site/client_address.py), like the alert requests."""

from django.conf import settings

from metnum_site.client_address import client_address
from metnum_site.rate_limits import count_request

WINDOW_SECONDS = 3600


def client_over_limit(request):
    count, _ = count_request("candidate-sign-in-client", client_address(request) or "inconnue", WINDOW_SECONDS)
    return count > settings.CANDIDATES_SIGN_IN_PER_CLIENT


def address_over_limit(email):
    count, _ = count_request("candidate-sign-in-address", email, WINDOW_SECONDS)
    return count > settings.CANDIDATES_SIGN_IN_PER_ADDRESS
