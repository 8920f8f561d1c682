"""Counts for the comms team: subscription requests, confirmations and unsubscriptions per day,
shown per week in the admin (alerts.admin_views). Nothing about who."""

import datetime

from django.db import IntegrityError, transaction
from django.db.models import F, Sum
from django.db.models.functions import TruncWeek
from django.utils import timezone

from .models import Activity, AlertActivity

REPORT_WEEKS = 26


def count(kind, number=1):
    if not number:
        return
    today = timezone.localdate()
    if AlertActivity.objects.filter(day=today, kind=kind).update(count=F("count") + number):
        return
    try:
        with transaction.atomic():
            AlertActivity.objects.create(day=today, kind=kind, count=number)
    except IntegrityError:  # another request created today's row meanwhile
        AlertActivity.objects.filter(day=today, kind=kind).update(count=F("count") + number)


def weekly(weeks=REPORT_WEEKS, today=None):
    """[{"week": Monday, "demande": n, "confirmation": n, "desinscription": n}], newest week first,
    every week of the period listed (zeros included)."""
    today = today or timezone.localdate()
    monday = today - datetime.timedelta(days=today.weekday())
    first = monday - datetime.timedelta(weeks=weeks - 1)
    rows = (
        AlertActivity.objects.filter(day__gte=first)
        .annotate(week=TruncWeek("day"))
        .values("week", "kind")
        .annotate(total=Sum("count"))
    )
    counts = {}
    for row in rows:
        week = row["week"].date() if isinstance(row["week"], datetime.datetime) else row["week"]
        counts[week, row["kind"]] = row["total"]
    return [
        {"week": week, **{kind: counts.get((week, kind), 0) for kind in Activity.values}}
        for week in (monday - datetime.timedelta(weeks=n) for n in range(weeks))
    ]
