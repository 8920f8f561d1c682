"""Signing in without a password: a link sent by email, signed (django.core.signing), valid 15 minutes
and once only; the candidate's id and `session_epoch` then sit in Django's session under one key.

A candidate is never a Django user: request.user stays anonymous, so the admin stays out of reach.
« Se déconnecter partout » bumps `session_epoch`: every session holding the old value is signed out
at its next request. The sign-in link is asked for by address: the same email is sent whether the
address is known or not (it opens a new candidate space when it is not), so the page never tells.
The link holds only the signed random id of a SignInLink row, never the address."""

import secrets
from datetime import timedelta

from django.core import signing
from django.db import transaction
from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from metnum_site.addresses import absolute_url

from .models import Candidate, SignInLink

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


def request_link(email, next_url=""):
    """A new link for `email` (stored; the email task reads it by id)."""
    return SignInLink.objects.create(token_id=secrets.token_urlsafe(24), email=email, next_url=safe_next(next_url))


def link_url(link):
    token = signing.dumps(link.token_id, salt=SALT)
    return absolute_url(reverse("candidates:sign_in_link", args=[token]))


def read_link(token):
    """The unexpired, unused SignInLink of a valid token, or None."""
    try:
        token_id = signing.loads(token, salt=SALT, max_age=LINK_MINUTES * 60)
    except (signing.BadSignature, ValueError, TypeError):
        return None
    if not isinstance(token_id, str):
        return None
    return SignInLink.objects.filter(
        token_id=token_id, used_at__isnull=True, created_at__gte=timezone.now() - timedelta(minutes=LINK_MINUTES)
    ).first()


def use_link(link):
    """Spend the link: the candidate it signs in (created on first sign-in), or None when it was already
    spent (two tabs at once: the conditional update lets one through)."""
    with transaction.atomic():
        spent = SignInLink.objects.filter(pk=link.pk, used_at__isnull=True).update(used_at=timezone.now())
        if not spent:
            return None
        candidate, _ = Candidate.objects.get_or_create(email=link.email.strip().lower())
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
    if not list(request.session.keys()):
        # Nothing else in it: no cookie left behind, so public pages come from the page cache again.
        request.session.flush()
    else:  # an editor signed in the same browser stays signed in
        request.session.cycle_key()
    request._candidate = None


def sign_out_everywhere(request, candidate):
    Candidate.objects.filter(pk=candidate.pk).update(session_epoch=F("session_epoch") + 1)
    sign_out(request)
