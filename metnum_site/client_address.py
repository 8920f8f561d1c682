"""The address of the client of a request, the one definition that the sign-in limits (django-axes,
through AXES_CLIENT_IP_CALLABLE), the API's rate limit and the alert requests' limits count by.

Behind TRUSTED_PROXY_COUNT proxies (README: AXES_PROXY_COUNT), each appending the address it received
the request from to X-Forwarded-For, the client is the address the outermost proxy saw: the
TRUSTED_PROXY_COUNT-th from the right. What a client writes itself at the left of the header is never
read; an entry that is not an IP address (a proxy count set too high) falls back to REMOTE_ADDR.
Without proxies, REMOTE_ADDR. None when the request has no address (a test client's login):
django-axes stores the address in an IP address column, which refuses anything else."""

import ipaddress

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies and is_ip_address(forwarded[-proxies]):
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def is_ip_address(text):
    try:
        ipaddress.ip_address(text)
    except ValueError:
        return False
    return True
