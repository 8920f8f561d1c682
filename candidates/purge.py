"""What is kept no longer than needed (the daily `purge_candidates`, docs/candidates.md):

- an application, two years after its offer closed (deadline passed, filled, expired or unpublished);
- a candidate's whole space (profile, applications, CVs), two years after their last sign-in or visit,
  with an email 30 days before;
- the sign-in links (and the address each was sent to), a day after they were asked for.

CV files go with their rows (candidates.signals)."""

import datetime
import logging

from django.db import transaction
from django.db.models import Q
from django.dispatch import Signal
from django.utils import timezone

from jobs.models import JobOffer

from . import emails
from .models import Application, Candidate, SignInLink

logger = logging.getLogger("candidates")
# Sent inside the purge's transaction with `limit` (two years ago): each receiver (an app that keeps
# more about candidates, such as recruiting) deletes what is older and returns {label: count}.
purging = Signal()
KEPT_DAYS = 2 * 365
WARNING_DAYS = 30


def closed_before(moment):
    """Offers not open now that closed before `moment`, as far as their dates tell."""
    day = timezone.localdate(moment)
    closed = Q(deadline__lt=day) | Q(filled_at__lt=day) | Q(expire_at__lt=moment) | Q(live=False, updated_at__lt=moment)
    return JobOffer.objects.filter(closed).exclude(pk__in=JobOffer.objects.open().values("pk"))


def purge(now=None):
    now = now or timezone.now()
    limit = now - datetime.timedelta(days=KEPT_DAYS)
    outcome = {"candidatures": 0, "avertissements": 0, "espaces": 0}
    with transaction.atomic():
        applications = Application.objects.filter(offer__in=closed_before(limit))
        outcome["candidatures"] = sum(1 for application in applications.only("pk", "cv") if application.delete())
        deleted = Candidate.objects.filter(
            last_seen_at__lt=limit, deletion_warning_sent_at__lt=now - datetime.timedelta(days=WARNING_DAYS)
        )
        outcome["espaces"] = sum(1 for candidate in deleted if candidate.delete())
        SignInLink.objects.filter(created_at__lt=now - datetime.timedelta(days=1)).delete()
        for _receiver, counts in purging.send(sender=Candidate, limit=limit):
            outcome.update(counts)
    warned = Candidate.objects.filter(
        last_seen_at__lt=limit + datetime.timedelta(days=WARNING_DAYS), deletion_warning_sent_at__isnull=True
    )
    for candidate in warned.iterator():
        try:
            emails.deletion_warning(candidate, timezone.localdate(now) + datetime.timedelta(days=WARNING_DAYS)).send()
        except Exception:
            logger.exception("Candidatures : avertissement de suppression non envoyé (personne n° %s).", candidate.pk)
            continue
        Candidate.objects.filter(pk=candidate.pk).update(deletion_warning_sent_at=now)
        outcome["avertissements"] += 1
    return outcome
