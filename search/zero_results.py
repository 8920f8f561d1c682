"""Searches that found nothing, counted for the editorial team: the text and a count per day, nothing
about who searched (no address, no browser, no cookie). Crawlers are not counted."""

import datetime
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max, Sum
from django.utils import timezone

from .models import ZeroResultSearch

CRAWLER = re.compile(r"bot|crawl|spider|slurp|preview|facebookexternalhit|python-requests|curl|wget", re.IGNORECASE)
REPORT_DAYS = 90


def normalised(text):
    return " ".join(text.lower().split())[:200]


def record(text, user_agent=""):
    """Count one search of `text` that found no offer today."""
    text = normalised(text)
    if not text or CRAWLER.search(user_agent or ""):
        return
    today = timezone.localdate()
    counted = ZeroResultSearch.objects.filter(text=text, day=today).update(count=F("count") + 1)
    if counted:
        return
    try:
        with transaction.atomic():
            ZeroResultSearch.objects.create(text=text, day=today, count=1)
    except IntegrityError:  # another request created today's row meanwhile
        ZeroResultSearch.objects.filter(text=text, day=today).update(count=F("count") + 1)


def most_frequent(days=REPORT_DAYS):
    """(text, searches, last day) of the last `days` days, most searched first."""
    since = timezone.localdate() - datetime.timedelta(days=days - 1)
    return (
        ZeroResultSearch.objects.filter(day__gte=since)
        .values("text")
        .annotate(searches=Sum("count"), last_day=Max("day"))
        .order_by("-searches", "-last_day", "text")
    )
