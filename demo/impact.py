"""Plausible impact counts for the demo (impact app): views and « Candidater » clicks per offer and
day over the last ten weeks, and searches, so that the reports, the dashboard panel and the monthly
note show figures after `make run`. Idempotent: nothing is added once counts exist."""

import datetime
import random

from django.utils import timezone

from impact.figures import closing_day
from impact.models import OfferDailyCount, SearchDailyCount
from jobs.models import JobOffer

DAYS = 70
SEARCHES = {
    "développeur": 38,
    "data": 31,
    "chef de projet": 22,
    "cybersécurité": 19,
    "designer": 12,
    "product owner": 10,
    "administrateur systèmes": 9,
    "ux": 7,
}
ZERO_RESULT_SEARCHES = {"blockchain": 6, "cobol": 4, "scrum master": 3}


def load(report):
    if OfferDailyCount.objects.exists() or SearchDailyCount.objects.exists():
        return
    today = timezone.localdate()
    first = today - datetime.timedelta(days=DAYS - 1)
    draw = random.Random(16)  # the same figures at every load
    rows = []
    offers = JobOffer.objects.filter(first_published_at__isnull=False).order_by("pk")
    for offer in offers:
        popularity = draw.uniform(2, 14)
        start = max(first, timezone.localdate(offer.first_published_at))
        end = min(today, closing_day(offer))
        day = start
        while day <= end:
            views = max(0, round(draw.gauss(popularity, popularity / 3) * (0.6 if day.weekday() >= 5 else 1)))
            clicks = sum(1 for _ in range(views) if draw.random() < 0.09)
            if views:
                rows.append(
                    OfferDailyCount(
                        day=day, offer=offer, institution_id=offer.institution_id, views=views, apply_clicks=clicks
                    )
                )
            day += datetime.timedelta(days=1)
    OfferDailyCount.objects.bulk_create(rows)
    searches = []
    for offset in range(DAYS):
        day = first + datetime.timedelta(days=offset)
        for text, weight in SEARCHES.items():
            number = draw.randint(0, weight // 4 + 1)
            if number:
                searches.append(SearchDailyCount(day=day, text=text, searches=number))
        for text, weight in ZERO_RESULT_SEARCHES.items():
            number = draw.randint(0, weight // 3 + 1)
            if number:
                searches.append(SearchDailyCount(day=day, text=text, searches=number, zero_result_searches=number))
    SearchDailyCount.objects.bulk_create(searches)
    report.count("jours de fréquentation d'offres", len(rows))
    report.count("jours de recherches", len(searches))
