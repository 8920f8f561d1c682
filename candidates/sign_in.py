"""Signing in without a password: a link sent by email, signed (django.core.signing), valid 15 minutes
and once only; the candidate's id and `session_epoch` then sit in Django's session under one key.

A candidate is never a Django user: request.user stays anonymous, so the admin stays out of reach.
« Se déconnecter partout » bumps `session_epoch`: every session holding the old value is signed out
at its next request. The sign-in link is asked for by address: the same email is sent whether the
address is known or not (it opens a new candidate space when it is not), so the page never tells."""

import secrets

from django.core import signing
from django.db import IntegrityError, transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from metnum_site.addresses import absolute_url

from .models import Candidate, SignInLinkUse

SALT = "candidates.sign_in"
LINK_MINUTES = 15
SESSION_KEY = "metnum_candidate"
SEEN_EVERY = 3600  # seconds: last_seen_at is written at most this often


def safe_next(url):
    """A path of this site to come back to after signing in, or "" (no other host, no scheme)."""
    url = (url or "").strip()
    if not url.startswith("/") or url.startswith("//") or "\\" in url or len(url) > 500:
        return ""
    return url if url_has_allowed_host_and_scheme(url, allowed_hosts=None) else ""


def make_link(email, next_url=""):
    value = {"e": email, "j": secrets.token_urlsafe(16), "n": safe_next(next_url)}
    token = signing.dumps(value, salt=SALT, compress=True)
    return absolute_url(reverse("candidates:sign_in_link", args=[token]))


def read_link(token):
    """{"e": email, "j": link id, "n": next path} of a valid, unexpired link, or None."""
    try:
        value = signing.loads(token, salt=SALT, max_age=LINK_MINUTES * 60)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(value, dict) or not all(isinstance(value.get(key), str) for key in ("e", "j", "n")):
        return None
    return value


def use_link(value):
    """Spend the link: the candidate it signs in (created on first sign-in), or None when it was used."""
    try:
        with transaction.atomic():
            SignInLinkUse.objects.create(token_id=value["j"])
            candidate, _ = Candidate.objects.get_or_create(email=value["e"].strip().lower())
    except IntegrityError:
        return None
    return candidate


def sign_in(request, candidate):
    # A new session key: whatever was there before signing in (a fixed session) is not kept.
    request.session.cycle_key()
    request.session[SESSION_KEY] = {"id": candidate.pk, "epoch": candidate.session_epoch}
    Candidate.objects.filter(pk=candidate.pk).update(last_seen_at=timezone.now(), deletion_warning_sent_at=None)


def current_candidate(request):
    """The signed-in candidate, or None. A session from before « Se déconnecter partout » is dropped."""
    if hasattr(request, "_candidate"):
        return request._candidate
    candidate = None
    value = request.session.get(SESSION_KEY) if hasattr(request, "session") else None
    if isinstance(value, dict) and isinstance(value.get("id"), int):
        candidate = Candidate.objects.filter(pk=value["id"], session_epoch=value.get("epoch")).first()
        if candidate is None:
            request.session.pop(SESSION_KEY, None)
        elif (timezone.now() - candidate.last_seen_at).total_seconds() > SEEN_EVERY:
            candidate.last_seen_at = timezone.now()
            candidate.deletion_warning_sent_at = None
            Candidate.objects.filter(pk=candidate.pk).update(
                last_seen_at=candidate.last_seen_at, deletion_warning_sent_at=None
            )
    request._candidate = candidate
    return candidate


def sign_out(request):
    request.session.pop(SESSION_KEY, None)
    request.session.cycle_key()
    request._candidate = None


def sign_out_everywhere(request, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(session_epoch=F("session_epoch") + 1)
    sign_out(request)
