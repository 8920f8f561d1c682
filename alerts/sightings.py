"""When did an offer become visible to candidates? Not its stated publication date (an import may
give one in the past), nor its go-live (a scheduled offer may be live before it): the moment a sweep
first saw it in JobOffer.objects.open(), the one definition of an open offer.

A sweep records every open offer not seen yet, under a lock (PostgreSQL: an advisory lock; SQLite:
write transactions already take turns), and returns its moment, read once the lock is held. So every
sighting up to that moment is committed when the sweep returns: a digest that covers offers seen up
to it can never miss one committed later with an earlier moment.

Offers whose last change is not in the search indexes yet (search.PendingIndexWrite) wait for the
next sweep: a text search of the index would not find them, and their digest would skip them."""

from django.db import connection, transaction
from django.utils import timezone

from jobs.models import JobOffer
from search.models import PendingIndexWrite

from .models import OfferSighting

LOCK_KEY = 0x6D65_746E_616C  # "metnal": an arbitrary number, the same in every process


def sweep(now=None):
    """Record the open offers first seen now; return the moment of the sweep."""
    with transaction.atomic():
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [LOCK_KEY])
        now = now or timezone.now()
        new = (
            JobOffer.objects.open(now=now)
            .exclude(pk__in=OfferSighting.objects.values("offer_id"))
            .exclude(pk__in=PendingIndexWrite.objects.values("offer_id"))
            .values_list("pk", flat=True)
        )
        OfferSighting.objects.bulk_create(
            [OfferSighting(offer_id=pk, seen_at=now) for pk in new], batch_size=500, ignore_conflicts=True
        )
    return now


def seen_between(after, until):
    """The ids of the offers first seen open in (after, until], as a subquery."""
    return OfferSighting.objects.filter(seen_at__gt=after, seen_at__lte=until).values("offer_id")
