"""The figures of the reports, the dashboard panel and the monthly note, from the daily counts
(models.py), the offers and the alerts' own daily counts (alerts.AlertActivity). `institution_ids`
is jobs.permissions.user_institution_ids(user): None for the comms team (every institution)."""

import datetime
import statistics

from django.db.models import Sum
from django.utils import timezone

from alerts.models import Activity, Alert, AlertActivity
from jobs.models import Institution, JobOffer
from jobs.quality import QualityBand, band_range, score_band

from . import applications
from .models import OfferDailyCount, SearchDailyCount

TOP_SEARCHES = 10


def _scoped(queryset, institution_ids, field="institution_id"):
    return queryset if institution_ids is None else queryset.filter(**{f"{field}__in": institution_ids})


def days(start, end):
    return [start + datetime.timedelta(days=n) for n in range((end - start).days + 1)]


def rate(clicks, views):
    """« 12,5 % » of the views that led to a click on « Candidater »; « – » without views."""
    if not views:
        return "–"
    return f"{100 * clicks / views:.1f} %".replace(".", ",")


def change(current, previous):
    """« +12 % », « −5 % », « stable », or « nouveau » when there was nothing before."""
    if not previous:
        return "nouveau" if current else "stable"
    percent = round(100 * (current - previous) / previous)
    if percent == 0:
        return "stable"
    return f"+{percent} %" if percent > 0 else f"−{-percent} %"


def _counts(start, end, institution_ids):
    return _scoped(OfferDailyCount.objects.filter(day__gte=start, day__lte=end), institution_ids)


def totals(start, end, institution_ids):
    found = _counts(start, end, institution_ids).aggregate(views=Sum("views"), apply_clicks=Sum("apply_clicks"))
    return {
        "views": found["views"] or 0,
        "apply_clicks": found["apply_clicks"] or 0,
        "applications": sum(applications.count_by_institution(start, end, institution_ids).values()),
    }


def per_day(start, end, institution_ids):
    """[{"day", "views", "apply_clicks"}] for every day of the period (zeros included)."""
    rows = {
        row["day"]: row
        for row in _counts(start, end, institution_ids)
        .values("day")
        .annotate(views=Sum("views"), apply_clicks=Sum("apply_clicks"))
    }
    return [
        {
            "day": day,
            "views": rows.get(day, {}).get("views", 0),
            "apply_clicks": rows.get(day, {}).get("apply_clicks", 0),
        }
        for day in days(start, end)
    ]


def per_offer(start, end, institution_ids):
    """One row per offer viewed, clicked or applied to in the period, most viewed first."""
    counted = _views_and_clicks_by_offer(start, end, institution_ids)
    applied = applications.count_by_offer(start, end, institution_ids)
    offers = JobOffer.objects.filter(pk__in=counted.keys() | applied.keys()).select_related("institution")
    rows = []
    for offer in offers.only("pk", "title", "reference", "institution__name"):
        found = counted.get(offer.pk, NOT_COUNTED)
        views, apply_clicks = found["views"], found["apply_clicks"]
        rows.append(
            {
                "offer_id": offer.pk,
                "title": offer.title,
                "reference": offer.reference,
                "institution": offer.institution.name,
                "views": views,
                "apply_clicks": apply_clicks,
                "apply_rate": rate(apply_clicks, views),
                "applications": applied.get(offer.pk, 0),
            }
        )
    return sorted(rows, key=lambda row: (-row["views"], -row["apply_clicks"], -row["applications"], row["title"]))


NOT_COUNTED = {"views": 0, "apply_clicks": 0}  # an offer applied to, neither viewed nor clicked


def _views_and_clicks_by_offer(start, end, institution_ids):
    """{offer id: {"views", "apply_clicks"}} of the offers counted in the period."""
    return {
        row["offer_id"]: row
        for row in _counts(start, end, institution_ids)
        .filter(offer__isnull=False)
        .values("offer_id")
        .annotate(views=Sum("views"), apply_clicks=Sum("apply_clicks"))
    }


def _published(start, end):
    return JobOffer.objects.filter(
        first_published_at__date__gte=start, first_published_at__date__lte=end, first_published_at__isnull=False
    )


def _open_at(day):
    """Offers open at the end of `day` (now for today or a later day)."""
    now = timezone.now()
    if day < timezone.localdate(now):
        moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(23, 59, 59)))
        return JobOffer.objects.open(today=day, now=moment)
    return JobOffer.objects.open(now=now)


def _count_by_institution(queryset):
    found = {}
    for institution_id in queryset.values_list("institution_id", flat=True):
        found[institution_id] = found.get(institution_id, 0) + 1
    return found


def per_institution(start, end, institution_ids):
    """One row per institution with offers or figures: offers published in the period, offers open
    at its end, views, clicks, apply rate, median days online of the offers closed in the period."""
    counts = {
        row["institution_id"]: row
        for row in _counts(start, end, institution_ids)
        .values("institution_id")
        .annotate(views=Sum("views"), apply_clicks=Sum("apply_clicks"))
    }
    published = _count_by_institution(_scoped(_published(start, end), institution_ids))
    still_open = _count_by_institution(_scoped(_open_at(end), institution_ids))
    medians = median_days_online(start, end, institution_ids, by_institution=True)
    applied = applications.count_by_institution(start, end, institution_ids)
    ids = set(counts) | set(published) | set(still_open) | set(applied)
    institutions = Institution.objects.filter(pk__in=ids).order_by("name")
    rows = []
    for institution in institutions:
        row = counts.get(institution.pk, {"views": 0, "apply_clicks": 0})
        rows.append(
            {
                "institution_id": institution.pk,
                "institution": institution.name,
                "published": published.get(institution.pk, 0),
                "open": still_open.get(institution.pk, 0),
                "median_days_online": medians.get(institution.pk),
                "views": row["views"],
                "apply_clicks": row["apply_clicks"],
                "apply_rate": rate(row["apply_clicks"], row["views"]),
                "applications": applied.get(institution.pk, 0),
            }
        )
    return rows


def per_quality_band(start, end, institution_ids):
    """Per quality band of the offers (jobs.quality: the score of each offer's latest version), the
    offers viewed, clicked or applied to in the period (as per_offer's rows), their views, clicks,
    click rate and applications: does a better written offer get more candidates?"""
    counted = _views_and_clicks_by_offer(start, end, institution_ids)
    applied = applications.count_by_offer(start, end, institution_ids)
    scores = JobOffer.objects.filter(pk__in=counted.keys() | applied.keys()).values_list("pk", "quality_score")
    bands = {band: {"offers": 0, "views": 0, "apply_clicks": 0, "applications": 0} for band in QualityBand}
    for offer_id, quality_score in scores:
        band = score_band(quality_score)
        if band is None:
            continue
        totals_of_band = bands[band]
        totals_of_band["offers"] += 1
        found = counted.get(offer_id, NOT_COUNTED)
        totals_of_band["views"] += found["views"]
        totals_of_band["apply_clicks"] += found["apply_clicks"]
        totals_of_band["applications"] += applied.get(offer_id, 0)
    return [
        {
            "band": band.label,
            "scores": "{} à {}".format(*band_range(band)),
            **found,
            "apply_rate": rate(found["apply_clicks"], found["views"]),
        }
        for band, found in bands.items()
    ]


def closing_day(offer):
    """The day an offer stopped taking applications: filled, expired or its deadline, the first."""
    moments = [offer.deadline]
    if offer.filled_at:  # a date
        moments.append(offer.filled_at)
    if offer.expire_at:
        moments.append(timezone.localdate(offer.expire_at))
    return min(moments)


def median_days_online(start, end, institution_ids, by_institution=False):
    """The median number of days from first publication to closing, of the published offers whose
    closing day falls in the period. By institution: {institution_id: median}."""
    candidates = _scoped(
        JobOffer.objects.filter(first_published_at__isnull=False, first_published_at__date__lte=end),
        institution_ids,
    ).only("institution_id", "first_published_at", "deadline", "filled_at", "expire_at")
    durations = {}
    # A closing day is never after the deadline: offers whose deadline is before the period are out.
    for offer in candidates.filter(deadline__gte=start).iterator():
        closed = closing_day(offer)
        if start <= closed <= end:
            online = (closed - timezone.localdate(offer.first_published_at)).days
            durations.setdefault(offer.institution_id, []).append(max(online, 0))
    if by_institution:
        return {institution_id: statistics.median(values) for institution_id, values in durations.items()}
    values = [value for values in durations.values() for value in values]
    return statistics.median(values) if values else None


def searches(start, end, zero_results=False, limit=TOP_SEARCHES):
    """[(text, number)] most searched first; with zero_results, the searches that found nothing."""
    field = "zero_result_searches" if zero_results else "searches"
    return list(
        SearchDailyCount.objects.filter(day__gte=start, day__lte=end)
        .exclude(text="")
        .values("text")
        .annotate(total=Sum(field))
        .filter(total__gt=0)
        .order_by("-total", "text")
        .values_list("text", "total")[:limit]
    )


def search_totals(start, end):
    found = SearchDailyCount.objects.filter(day__gte=start, day__lte=end).aggregate(
        searches=Sum("searches"), zero=Sum("zero_result_searches")
    )
    return {"searches": found["searches"] or 0, "zero_result_searches": found["zero"] or 0}


def alert_activity(start, end):
    found = dict(
        AlertActivity.objects.filter(day__gte=start, day__lte=end)
        .values("kind")
        .annotate(total=Sum("count"))
        .values_list("kind", "total")
    )
    return {
        "requested": found.get(Activity.REQUESTED, 0),
        "confirmed": found.get(Activity.CONFIRMED, 0),
        "unsubscribed": found.get(Activity.UNSUBSCRIBED, 0),
    }


def alert_subscribers():
    """People with at least one confirmed alert that is not paused, today."""
    return Alert.objects.active().values("subscriber_id").distinct().count()
