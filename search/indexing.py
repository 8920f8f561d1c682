"""Keeping the search indexes in step with the offers.

Two indexes hold offers: Wagtail's database index (every offer; the database engine applies
JobOffer.objects.open() at query time) and, when ELASTICSEARCH_URL is set, the Elasticsearch index
(open offers only). Every change to an offer, its institution or its profession schedules, once the
transaction commits, a task that re-reads the offer and upserts or deletes it in both (search/tasks.py,
search/signals.py). A rolled-back change schedules nothing. The daily `search_index sync` catches
what no signal announces: deadlines that pass, and anything lost on the way.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from modelsearch import index as wagtail_index
from modelsearch.backends import get_search_backend
from modelsearch.conf import get_app_config

from jobs.models import JobOffer

from . import es

logger = logging.getLogger("search")
CHUNK = 1000


def index_entries():
    return (
        get_app_config()
        .get_model("IndexEntry")
        .objects.filter(content_type=ContentType.objects.get_for_model(JobOffer))
    )


def sync_offer(pk):
    """Upsert or delete one offer in both indexes, from what the database says now (idempotent)."""
    offer = JobOffer.get_indexed_objects().filter(pk=pk).first()
    if offer is None:
        index_entries().filter(object_id=str(pk)).delete()
    else:
        wagtail_index.insert_or_update_object(offer)
    if settings.ELASTICSEARCH_URL:
        try:
            return es.upsert_or_delete(es.get_client(), pk)
        except Exception as error:  # the daily sync repairs what an outage missed
            logger.warning("Index Elasticsearch : l'offre %s n'a pas pu être synchronisée (%s).", pk, error)
            return "failed"
    return "indexed" if offer else "deleted"


def sync_offers_to_elasticsearch(pks):
    """Bulk upsert or delete of many offers in Elasticsearch (nothing to do without a cluster)."""
    if not settings.ELASTICSEARCH_URL:
        return None
    try:
        return es.upsert_or_delete_many(es.get_client(), pks)
    except Exception as error:  # the daily sync repairs what an outage missed
        logger.warning("Index Elasticsearch : %s offres n'ont pas pu être synchronisées (%s).", len(pks), error)
        return "failed"


def database_rebuild():
    """Index every offer in Wagtail's database index, in chunks, and drop entries of deleted offers."""
    backend = get_search_backend()
    indexed, last = 0, 0
    offers = JobOffer.get_indexed_objects().order_by("pk")
    while chunk := list(offers.filter(pk__gt=last)[:CHUNK]):
        backend.add_bulk(JobOffer, chunk)
        indexed, last = indexed + len(chunk), chunk[-1].pk
    removed = database_orphans().delete()[0]
    return indexed, removed


def database_orphans():
    return index_entries().exclude(object_id__in=[str(pk) for pk in JobOffer.objects.values_list("pk", flat=True)])


def database_missing():
    indexed = index_entries().values_list("object_id", flat=True)
    return JobOffer.objects.exclude(pk__in=[int(object_id) for object_id in indexed])


def database_status():
    return {
        "open_offers": JobOffer.objects.open().count(),
        "offers": JobOffer.objects.count(),
        "entries": index_entries().count(),
        "missing": list(database_missing().values_list("pk", flat=True)),
        "orphans": database_orphans().count(),
    }


def database_sync():
    """Index the offers missing from Wagtail's database index, drop the entries of deleted offers."""
    backend = get_search_backend()
    missing = list(JobOffer.get_indexed_objects().filter(pk__in=database_missing().values("pk")))
    for start in range(0, len(missing), CHUNK):
        backend.add_bulk(JobOffer, missing[start : start + CHUNK])
    removed = database_orphans().delete()[0]
    return len(missing), removed
