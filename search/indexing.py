"""Keeping the search indexes in step with the offers.

Two indexes hold offers: Wagtail's database index (every offer; the database engine applies
JobOffer.objects.open() at query time) and, when ELASTICSEARCH_URL is set, the Elasticsearch index
(open offers only). This module is the only one that writes them. Every change to an offer, its
institution or its profession schedules, once the transaction commits, a task that re-reads the
offer and upserts or deletes it in both (search/signals.py, search/tasks.py); an import's batches
arrive in bulk (index_in_bulk). The daily `search_index sync` catches what no signal announces:
deadlines that pass, and anything lost on the way.
"""

import logging

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from modelsearch import index as wagtail_index
from modelsearch.backends import get_search_backend, get_search_backends

from jobs.models import JobOffer
from metnum_site.upstream import index_entry_model

logger = logging.getLogger("search")
CHUNK = 1000


def index_entries():
    return index_entry_model().objects.filter(content_type=ContentType.objects.get_for_model(JobOffer))


def sync_offer(pk):
    """Upsert or delete one offer in both indexes, from what the database says now (idempotent)."""
    offer = JobOffer.get_indexed_objects().filter(pk=pk).first()
    if offer is None:
        drop_entries([pk])
    else:
        wagtail_index.insert_or_update_object(offer)
    return sync_offers_to_elasticsearch([pk]) or ("indexed" if offer else "deleted")


def index_in_bulk(pks, offers):
    """Write the offers `pks` of an import's batch to the database index: `offers`, those that still
    exist (read through jobs.indexing.for_indexing), in bulk; the entries of the others are dropped.
    Elasticsearch follows in a task (sync_offers_to_elasticsearch)."""
    if offers:
        for backend in get_search_backends(with_auto_update=True):
            try:
                backend.add_bulk(JobOffer, offers)
            except Exception:
                # Like Wagtail: an engine being down must not lose the saved offers.
                if not backend.catch_indexing_errors:
                    raise
                logger.exception("Indexation des offres impossible dans %r", backend)
    gone = set(pks) - {offer.pk for offer in offers}
    if gone:
        drop_entries(sorted(gone))


def drop_entries(pks):
    """Remove the database index's entries of the offers `pks` (deleted offers)."""
    index_entries().filter(object_id__in=[str(pk) for pk in pks]).delete()


def sync_offers_to_elasticsearch(pks):
    """Upsert or delete offers in Elasticsearch: one request for one offer, bulk requests for more
    (nothing to do without a cluster). An outage is logged: the daily sync repairs what it missed."""
    if not settings.ELASTICSEARCH_URL:
        return None
    from . import es  # the client library weighs some 20 MB: loaded only with a cluster

    try:
        if len(pks) == 1:
            return es.upsert_or_delete(es.get_client(), pks[0])
        return es.upsert_or_delete_many(es.get_client(), pks)
    except Exception as error:
        what = (
            f"l'offre {pks[0]} n'a pas pu être synchronisée"
            if len(pks) == 1
            else (f"{len(pks)} offres n'ont pas pu être synchronisées")
        )
        logger.warning("Index Elasticsearch : %s (%s).", what, error)
        return "failed"


def push_synonyms_to_elasticsearch():
    """Give Elasticsearch the current synonyms, without reindexing (nothing to do without a cluster)."""
    if not settings.ELASTICSEARCH_URL:
        return None
    from . import es

    try:
        return es.update_synonyms(es.get_client())
    except Exception as error:  # the next change or `search_index synonyms` pushes them again
        logger.warning("Index Elasticsearch : les synonymes n'ont pas pu être mis à jour (%s).", error)
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
