"""Anonymous public pages served from Django's cache (docs/architecture.md, « Cache des pages publiques »).

Every cached page is filed under the current *content token*. Any write to what public pages show (a
page or an offer published, unpublished, expired or deleted; an import; an institution renamed; the
site settings…) forgets the token, so the next request files pages under a new one: nothing older is
ever served again. The token also expires by itself at the next moment when the set of open offers
changes with no write at all (a deadline day ends at midnight, a scheduled expiry falls): each app
registers that moment with `register_next_change()`.

Only anonymous GET and HEAD requests are served from the cache: a request with a session or a
messages cookie (a signed-in editor, a preview, a message to show) goes to the views, and only 200
responses that set no cookie and do not refuse caching are kept. The Content-Security-Policy nonce
stays per response: the page is kept with its nonce cut out, and each response served from the cache
gets the nonce of its own request (the CSP middleware, outside this one, puts it in the header). Each
kept page has a weak ETag; a request whose If-None-Match matches gets a 304 without a body and
without a CSP header, so that the browser keeps the policy that goes with the body it already has.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils import timezone
from django.utils.http import parse_etags
from wagtail.images.models import AbstractRendition
from wagtail.models import Page

logger = logging.getLogger(__name__)

TOKEN_KEY = "metnum:public-content"
LONGEST_TOKEN_LIFE = 24 * 3600
# Browsers keep the page and ask again each time (a 304 when nothing changed): a publication shows at
# once. No shared cache: each response carries its own CSP nonce.
CACHE_CONTROL = "private, no-cache"
# Headers the cache never keeps: cookies and the policies the outer middleware set on each response.
UNKEPT_HEADERS = {
    "set-cookie",
    "content-length",
    "cache-control",
    "content-security-policy",
    "content-security-policy-report-only",
}
MAX_KEPT_BYTES = 16 * 1024 * 1024

# What public pages show: every page, the apps that hold their content, and the Wagtail records that
# change what a page looks like or who may see it. Bookkeeping (revisions, logs, renditions) is not.
WATCHED_APPS = {"home", "jobs", "editorial", "taggit", "wagtailimages", "wagtaildocs", "wagtailredirects"}
WATCHED_MODELS = {
    "wagtailcore.site",
    "wagtailcore.pageviewrestriction",
    "wagtailcore.collectionviewrestriction",
    "search.synonymgroup",
}
# Fields Wagtail saves alone when a draft is saved or an object locked: nothing public changes.
BOOKKEEPING_FIELDS = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "draft_title",
        "locked",
        "locked_at",
        "locked_by",
        "import_fingerprint",
    }
)

_next_change_functions = []


def register_next_change(function):
    """`function(now)` returns the next moment (or None) at which public pages change with no write."""
    _next_change_functions.append(function)


def _next_change(now):
    moments = [moment for function in _next_change_functions if (moment := function(now)) is not None]
    return min(moments, default=None)


def content_token():
    """The token pages are filed under now; a new one when the last was forgotten or has expired."""
    token = cache.get(TOKEN_KEY)
    if token is not None:
        return token
    now = timezone.now()
    next_change = _next_change(now)
    life = LONGEST_TOKEN_LIFE
    if next_change is not None:
        life = max(1, min(life, int((next_change - now).total_seconds()) + 1))
    cache.add(TOKEN_KEY, uuid.uuid4().hex, life)
    return cache.get(TOKEN_KEY)


def _forget_token():
    try:
        cache.delete(TOKEN_KEY)
    except Exception:
        logger.exception("Le cache des pages publiques n'a pas pu être vidé.")


def content_changed(*args, **kwargs):
    """Public content changed: forget the token now (this process's next page is fresh) and again once
    the transaction commits, so that a page rendered meanwhile from the old rows is not kept."""
    _forget_token()
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(_forget_token, robust=True)


def cached(name, compute, timeout=None):
    """`compute()`, kept under the content token: recomputed after any change of public content."""
    key = f"metnum:computed:{content_token()}:{name}"
    value = cache.get(key)
    if value is None:
        value = compute()
        cache.set(key, value, timeout or settings.PAGE_CACHE_TIMEOUT)
    return value


def _watched(sender):
    if issubclass(sender, Page):
        return True
    if issubclass(sender, AbstractRendition):
        return False
    meta = sender._meta
    return meta.app_label in WATCHED_APPS or meta.label_lower in WATCHED_MODELS


def _saved(sender, raw=False, update_fields=None, **kwargs):
    if raw or not _watched(sender):
        return
    if update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS:
        return
    content_changed()


def _deleted(sender, **kwargs):
    if _watched(sender):
        content_changed()


def _relation_changed(sender, action, **kwargs):
    if action.startswith("post_") and _watched(kwargs["model"]):
        content_changed()


def connect():
    post_save.connect(_saved, dispatch_uid="page_cache_saved")
    post_delete.connect(_deleted, dispatch_uid="page_cache_deleted")
    m2m_changed.connect(_relation_changed, dispatch_uid="page_cache_relation")


def _weak_etag(content):
    return f'W/"{hashlib.md5(content, usedforsecurity=False).hexdigest()}"'


class PublicPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.cacheable_request(request):
            return self.get_response(request)
        try:
            key = self.key(request)
            entry = cache.get(key)
        except Exception:
            logger.exception("Cache des pages publiques injoignable : page servie sans lui.")
            return self.get_response(request)
        if entry is not None:
            return self.from_entry(request, entry)
        response = self.get_response(request)
        if request.method != "GET" or not self.cacheable_response(request, response):
            return response
        entry = self.entry(request, response)
        try:
            cache.set(key, entry, settings.PAGE_CACHE_TIMEOUT)
        except Exception:
            logger.exception("Cache des pages publiques injoignable : page non gardée.")
        response["ETag"] = entry["etag"]
        response["Cache-Control"] = CACHE_CONTROL
        return self.not_modified(request, entry) or response

    @staticmethod
    def cacheable_request(request):
        if not settings.PAGE_CACHE_ENABLED or request.method not in ("GET", "HEAD"):
            return False
        # The API's answers (/api/v1/) have their own ETag, and must pass its rate limit each time.
        if request.path_info.startswith((*settings.ADMIN_PATH_PREFIXES, "/documents/", "/sante", "/api/v1/")):
            return False
        signed_in = settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META
        return not signed_in and "messages" not in request.COOKIES

    @staticmethod
    def cacheable_response(request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = response.get("Cache-Control", "").lower()
        if any(word in cache_control for word in ("private", "no-store", "no-cache")):
            return False
        return len(response.content) <= MAX_KEPT_BYTES

    @staticmethod
    def key(request):
        address = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.sha256(address.encode()).hexdigest()
        return f"metnum:page:{content_token()}:{digest}"

    @staticmethod
    def entry(request, response):
        nonce = getattr(request, "_csp_nonce", None)
        parts = response.content.split(nonce.encode()) if isinstance(nonce, str) else [response.content]
        headers = [(name, value) for name, value in response.items() if name.lower() not in UNKEPT_HEADERS]
        return {"parts": parts, "headers": headers, "etag": _weak_etag(b"".join(parts))}

    def from_entry(self, request, entry):
        not_modified = self.not_modified(request, entry)
        if not_modified:
            return not_modified
        parts = entry["parts"]
        # Reading request.csp_nonce makes the CSP middleware put this fresh nonce in the header.
        content = str(request.csp_nonce).encode().join(parts) if len(parts) > 1 else parts[0]
        response = HttpResponse(content)
        for name, value in entry["headers"]:
            response[name] = value
        response["Content-Length"] = str(len(content))
        response["ETag"] = entry["etag"]
        response["Cache-Control"] = CACHE_CONTROL
        return response

    @staticmethod
    def not_modified(request, entry):
        if request.method not in ("GET", "HEAD"):
            return None
        etags = parse_etags(request.META.get("HTTP_IF_NONE_MATCH", ""))
        weak = entry["etag"].removeprefix("W/")
        if "*" not in etags and not any(etag.removeprefix("W/") == weak for etag in etags):
            return None
        response = HttpResponseNotModified()
        response["ETag"] = entry["etag"]
        response["Cache-Control"] = CACHE_CONTROL
        # No policy on a 304: the browser keeps the one whose nonce matches the body it kept.
        response._csp_exempt = True
        return response
