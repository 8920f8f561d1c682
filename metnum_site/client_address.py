"""The address of the client of a request, the one definition that the sign-in limits (django-axes,
through AXES_CLIENT_IP_CALLABLE), the API's rate limit and the alert requests' limits count by.

Behind TRUSTED_PROXY_COUNT proxies (README: AXES_PROXY_COUNT), each appending the address it received
the request from to X-Forwarded-For, the client is the address the outermost proxy saw: the
TRUSTED_PROXY_COUNT-th from the right. What a client writes itself at the left of the header is never
read. Without proxies, REMOTE_ADDR."""

from django.conf import settings


def client_address(request):
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "") or "inconnue"
