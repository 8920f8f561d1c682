"""What is no longer wanted is deleted (the daily `purge_alerts`): requests never confirmed, alerts
nobody uses, addresses left without an alert."""

import datetime

from django.db import transaction
from django.utils import timezone

from .models import Alert, Delivery, Subscriber

UNCONFIRMED_DAYS = 7
INACTIVE_DAYS = 2 * 365
DELIVERY_DAYS = 60  # the delivery rows, once their period is long past (they hold no personal data)


def purge(now=None):
    """Delete the requests never confirmed after 7 days, the alerts inactive for two years (no
    confirmation, change or digest with offers), then the addresses left without an alert, and the
    delivery rows of past periods.
    Returns (unconfirmed, inactive) counts."""
    now = now or timezone.now()
    with transaction.atomic():
        _, unconfirmed = Alert.objects.filter(
            confirmed_at__isnull=True, created_at__lt=now - datetime.timedelta(days=UNCONFIRMED_DAYS)
        ).delete()
        _, inactive = Alert.objects.filter(
            confirmed_at__isnull=False, active_at__lt=now - datetime.timedelta(days=INACTIVE_DAYS)
        ).delete()
        Subscriber.objects.filter(alerts__isnull=True).delete()
        Delivery.objects.filter(created_at__lt=now - datetime.timedelta(days=DELIVERY_DAYS)).delete()
    return unconfirmed.get(Alert._meta.label, 0), inactive.get(Alert._meta.label, 0)
