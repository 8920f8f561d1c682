"""The applications made on this site (candidates.Application), counted by the day they were sent,
for the reports beside the clicks on « Candidater » (which count the other application paths)."""

from django.db.models import Count
from django.db.models.functions import TruncDate

from candidates.models import Application


def _sent(start, end):
    return Application.objects.annotate(day=TruncDate("submitted_at")).filter(day__gte=start, day__lte=end)


def count_by_offer(start, end, institution_ids=None):
    """{offer id: applications sent from `start` to `end` (days, included)}, for the offers of
    `institution_ids` (None: all)."""
    applications = _sent(start, end)
    if institution_ids is not None:
        applications = applications.filter(offer__institution_id__in=institution_ids)
    return dict(applications.values_list("offer_id").annotate(number=Count("pk")).order_by())


def count_by_institution(start, end, institution_ids=None):
    """{institution id: applications sent in the period}, for `institution_ids` (None: all)."""
    applications = _sent(start, end)
    if institution_ids is not None:
        applications = applications.filter(offer__institution_id__in=institution_ids)
    return dict(applications.values_list("offer__institution_id").annotate(number=Count("pk")).order_by())
