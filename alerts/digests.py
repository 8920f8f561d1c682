"""The digests: each alert due for a period gets one Delivery row, then each row is sent once.

    plan(frequency)      a sweep (alerts.sightings), then one Delivery per due alert for the period
                         (a day or an ISO week), holding the sweep's moment as its cutoff
    deliver_pending()    sends the deliveries that are ready, at most ALERTS_EMAILS_PER_MINUTE emails
                         a minute; returns what it did and whether some are left

Sending a delivery holds two row locks (PostgreSQL: the delivery, skipped when another worker has it;
then its alert) and sends the email inside that transaction, which records it as sent and moves the
alert's high-water mark (`covered_until`) to the cutoff. A failure (SMTP refused, worker killed)
rolls all of it back: the row stays to send, the mark stays, and the next attempt lists the same
offers. The offers listed are those first seen open after the mark and up to the cutoff, that match
the saved search and are still open (search engine, JobOffer.objects.open()); a digest with none is
not sent, the mark still moves. A failed delivery is retried later (1, 5, 15, 60 minutes), at most
ALERTS_MAX_ATTEMPTS times; past that it is left, and the alert's next digest lists its offers.

The one case of a double email: the SMTP server took the message and the process died before its
transaction committed. Nothing can tell these apart from a message never taken."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.utils import timezone

from search.engines import MAX_SIZE, get_engine

from . import emails, searches
from .models import Alert, Delivery, Frequency
from .sightings import seen_between, sweep

logger = logging.getLogger("alerts")

DIGEST_LENGTH = 20  # offers listed in an email; the others are behind the link to the search
RETRY_MINUTES = (1, 5, 15, 60)
SENT, EMPTY, FAILED, SKIPPED = "envoyé", "rien de nouveau", "échec", "déjà pris"


def period_of(frequency, moment):
    day = timezone.localdate(moment)
    if frequency == Frequency.WEEKLY:
        year, week, _ = day.isocalendar()
        return f"{year}-S{week:02d}"
    return day.isoformat()


def plan(frequency, now=None):
    """One Delivery per active alert of `frequency` that has none for the current period."""
    cutoff = sweep(now)
    period = period_of(frequency, cutoff)
    due = (
        Alert.objects.active()
        .filter(frequency=frequency, covered_until__lt=cutoff)
        .exclude(deliveries__period=period)
        .values_list("pk", flat=True)
    )
    created = Delivery.objects.bulk_create(
        [Delivery(alert_id=pk, period=period, cutoff=cutoff, next_attempt_at=cutoff) for pk in due],
        batch_size=500,
        ignore_conflicts=True,
    )
    return period, len(created)


def new_offers(alert, cutoff):
    """(the offers to list, how many are new): first seen open after the alert's mark and up to
    `cutoff`, matching its search, open now."""
    query = searches.offer_query(alert.search)
    if query is None:
        logger.warning("Alertes : la recherche de l'alerte %s a perdu un filtre ; rien n'est envoyé.", alert.pk)
        return [], 0
    offers = get_engine().newest(query, MAX_SIZE, among=seen_between(alert.covered_until, cutoff))
    return offers[:DIGEST_LENGTH], len(offers)


def deliver(delivery_id, now=None):
    """Send one delivery if nobody has; returns SENT, EMPTY, FAILED or SKIPPED."""
    now = now or timezone.now()
    try:
        with transaction.atomic():
            delivery = (
                Delivery.objects.select_for_update(skip_locked=True)
                .filter(pk=delivery_id, sent_at__isnull=True)
                .first()
            )
            if delivery is None:
                return SKIPPED
            alert = Alert.objects.select_for_update().select_related("subscriber").get(pk=delivery.alert_id)
            offers, total = [], 0
            if alert.is_confirmed and not alert.is_paused and alert.covered_until < delivery.cutoff:
                offers, total = new_offers(alert, delivery.cutoff)
            if offers:
                emails.digest(alert, offers, total).send()
                alert.last_sent_at = alert.active_at = now
            alert.covered_until = max(alert.covered_until or delivery.cutoff, delivery.cutoff)
            alert.save(update_fields=["covered_until", "last_sent_at", "active_at"])
            delivery.sent_at, delivery.offer_count = now, total
            delivery.save(update_fields=["sent_at", "offer_count"])
            return SENT if offers else EMPTY
    except Exception as error:
        attempts = Delivery.objects.filter(pk=delivery_id).values_list("attempts", flat=True).first() or 0
        delay = RETRY_MINUTES[min(attempts, len(RETRY_MINUTES) - 1)]
        Delivery.objects.filter(pk=delivery_id).update(
            attempts=F("attempts") + 1,
            next_attempt_at=now + datetime.timedelta(minutes=delay),
            last_error=f"{type(error).__name__} : {error}"[:300],
        )
        logger.warning("Alertes : l'envoi %s a échoué (%s : %s).", delivery_id, type(error).__name__, error)
        return FAILED


@dataclass
class Outcome:
    sent: int = 0
    empty: int = 0
    failed: int = 0
    next_run_at: datetime.datetime | None = None  # when deliveries are left: when to come back


def pending():
    """The deliveries still to send (their retries not exhausted)."""
    return Delivery.objects.filter(sent_at__isnull=True, attempts__lt=settings.ALERTS_MAX_ATTEMPTS)


def deliver_pending(now=None):
    """Send the ready deliveries, oldest first, within the rate: at most ALERTS_EMAILS_PER_MINUTE
    digests sent in any minute (counted from the deliveries themselves, so across every worker)."""
    now = now or timezone.now()
    outcome = Outcome()
    recent = Delivery.objects.filter(sent_at__gt=now - datetime.timedelta(minutes=1), offer_count__gt=0).count()
    budget = settings.ALERTS_EMAILS_PER_MINUTE - recent
    ready = pending().filter(next_attempt_at__lte=now)
    last_pk = 0
    while budget > 0:
        batch = list(ready.filter(pk__gt=last_pk).order_by("pk").values_list("pk", flat=True)[:100])
        if not batch:
            break
        for pk in batch:
            last_pk = pk
            result = deliver(pk, now)
            if result == SENT:
                outcome.sent += 1
                budget -= 1
            elif result == EMPTY:
                outcome.empty += 1
            elif result == FAILED:
                outcome.failed += 1
            if budget <= 0:
                break
    first = pending().order_by("next_attempt_at").values_list("next_attempt_at", flat=True).first()
    if first is not None:
        outcome.next_run_at = max(first, now + datetime.timedelta(minutes=1))
    return outcome
