"""What a person does with alerts, without an account: ask for one (double opt-in), confirm it from
the email, change, pause, resume or delete it."""

from functools import partial

from django.db import transaction
from django.utils import timezone

from . import stats, tasks
from .models import Activity, Alert, Subscriber
from .sightings import sweep

MAX_ALERTS_PER_ADDRESS = 20


class TooManyAlerts(Exception):
    pass


def request_alert(email, search, frequency):
    """A subscription request: the alert is stored unconfirmed (or the existing one for the same
    search is reused) and the confirmation email is sent by a task once the transaction commits. The
    email carries the frequency: nothing changes before its link is followed, not even for an alert
    already confirmed, so that nobody can change another person's alerts with their address."""
    with transaction.atomic():
        subscriber, _ = Subscriber.objects.get_or_create(email=email)
        alert = Alert.objects.filter(subscriber=subscriber, search=search).first()
        if alert is None:
            if subscriber.alerts.count() >= MAX_ALERTS_PER_ADDRESS:
                raise TooManyAlerts
            alert = Alert.objects.create(subscriber=subscriber, search=search, frequency=frequency)
        stats.count(Activity.REQUESTED)
        transaction.on_commit(partial(tasks.send_confirmation.enqueue, alert.pk, frequency), robust=True)
    return alert


def confirm(alert, frequency, now=None):
    """Follow the confirmation link: the alert starts from now (the offers already open are on the
    search page), with the frequency asked for. A second visit changes nothing."""
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        changed = []
        if frequency != alert.frequency:
            alert.frequency = frequency
            changed.append("frequency")
        if alert.confirmed_at is None:
            alert.covered_until = sweep(now)
            alert.confirmed_at = alert.active_at = alert.covered_until
            changed += ["covered_until", "confirmed_at", "active_at"]
            stats.count(Activity.CONFIRMED)
        if changed:
            alert.save(update_fields=changed)
    return alert


def delete_alerts(alerts):
    """Delete alerts (unsubscription, manage page); the address goes with its last alert."""
    with transaction.atomic():
        subscriber_ids = set(alerts.values_list("subscriber_id", flat=True))
        deleted, per_model = alerts.delete()
        stats.count(Activity.UNSUBSCRIBED, per_model.get(Alert._meta.label, 0))
        Subscriber.objects.filter(pk__in=subscriber_ids, alerts__isnull=True).delete()


def change(alert, frequency=None, paused=None, now=None):
    now = now or timezone.now()
    if frequency is not None:
        alert.frequency = frequency
    if paused is True and alert.paused_at is None:
        alert.paused_at = now
    elif paused is False:
        alert.paused_at = None
    alert.active_at = now
    alert.save(update_fields=["frequency", "paused_at", "active_at"])
