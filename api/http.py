"""What every API answer shares (docs/api.md): read-only CORS, the per-client rate limit, the JSON
errors, the ETag and its 304.

    @api_view
    def offers(request): ...      # returns a JsonResponse (or raises api.errors.ApiError)

- CORS: `Access-Control-Allow-Origin: *` on every answer (errors included), no credentials; a
  preflight (OPTIONS) is answered here, for GET and HEAD only. Other methods: 405 in JSON.
- Rate limit: API_RATE_LIMIT requests per API_RATE_LIMIT_PERIOD seconds per client address (fixed
  windows counted in Django's cache, shared by every process when it is Redis); beyond, 429 with
  Retry-After (seconds to the next window). The address: metnum_site.client_address.
- ETag: a strong validator, the SHA-256 of the body; If-None-Match matching it gets a 304 without a
  body. Cache-Control lets browsers and proxies keep the answer API_CACHE_SECONDS, then ask again.
"""

import functools
import hashlib
import logging

from django.conf import settings
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_vary_headers
from django.utils.http import parse_etags, parse_http_date_safe

from metnum_site.client_address import client_address
from metnum_site.rate_limits import count_request

from .errors import ApiError, error_response

logger = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD", "OPTIONS")
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
    "Access-Control-Expose-Headers": "ETag, Last-Modified, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining",
    "Access-Control-Max-Age": "86400",
}


def rate_limited(request):
    """None, or the seconds to wait when this request is over the client's limit."""
    limit, period = settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_PERIOD
    if not limit:
        return None
    try:
        count, retry_after = count_request("api-rate", client_address(request) or "inconnue", period)
    except Exception:
        logger.exception("Limite de l'API : cache injoignable, requête servie sans limite.")
        return None
    request.api_rate_remaining = max(limit - count, 0)
    return None if count <= limit else retry_after


def too_many_requests(retry_after):
    response = error_response(
        429,
        "trop_de_requetes",
        f"Trop de requêtes : réessayez dans {retry_after} secondes.",
        f"Too many requests: try again in {retry_after} seconds.",
    )
    response["Retry-After"] = str(retry_after)
    return response


def method_not_allowed():
    response = error_response(
        405,
        "methode_non_permise",
        "L'API est en lecture seule : seules les méthodes GET, HEAD et OPTIONS sont permises.",
        "The API is read-only: only the GET, HEAD and OPTIONS methods are allowed.",
    )
    response["Allow"] = "GET, HEAD, OPTIONS"
    return response


def with_etag(request, response):
    """A strong ETag (SHA-256 of the body) on a 200 JSON answer, and a 304 when it matches."""
    if response.status_code != 200 or response.streaming:
        return response
    etag = f'"{hashlib.sha256(response.content).hexdigest()[:32]}"'
    response["ETag"] = etag
    matches = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
    if "*" in matches or etag in matches or f"W/{etag}" in matches:
        not_modified = HttpResponseNotModified()
        for name in ("ETag", "Cache-Control", "Last-Modified", "Vary"):
            if name in response:
                not_modified[name] = response[name]
        return not_modified
    return response


def with_conditional(request, etag, last_modified):
    """A 304 when the request's If-None-Match names `etag`, or (without If-None-Match) when
    If-Modified-Since is not older than `last_modified`; None otherwise."""
    if_none_match = request.META.get("HTTP_IF_NONE_MATCH")
    if if_none_match is not None:
        matches = parse_etags(if_none_match)
        fresh = "*" in matches or etag in matches or f"W/{etag}" in matches
    else:
        since = parse_http_date_safe(request.META.get("HTTP_IF_MODIFIED_SINCE", ""))
        fresh = since is not None and int(last_modified.timestamp()) <= since
    return HttpResponseNotModified() if fresh else None


def api_view(view):
    @functools.wraps(view)
    def wrapped(request, *args, **kwargs):
        if request.method == "OPTIONS":
            response = HttpResponse(status=204)
        elif request.method not in ALLOWED_METHODS:
            response = method_not_allowed()
        elif (retry_after := rate_limited(request)) is not None:
            response = too_many_requests(retry_after)
        else:
            try:
                response = view(request, *args, **kwargs)
            except ApiError as error:
                response = error.response()
            if not response.has_header("Cache-Control"):
                ok = response.status_code == 200
                response["Cache-Control"] = f"public, max-age={settings.API_CACHE_SECONDS}" if ok else "no-store"
            response = with_etag(request, response)
        if not response.has_header("Cache-Control"):
            response["Cache-Control"] = "no-store"
        for name, value in CORS_HEADERS.items():
            response[name] = value
        if hasattr(request, "api_rate_remaining"):
            response["X-RateLimit-Limit"] = str(settings.API_RATE_LIMIT)
            response["X-RateLimit-Remaining"] = str(request.api_rate_remaining)
        response["X-Robots-Tag"] = "noindex"
        patch_vary_headers(response, ["Accept-Encoding"])
        return response

    wrapped.csrf_exempt = True  # read-only: no form, no cookie
    return wrapped
