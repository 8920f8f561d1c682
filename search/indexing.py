"""Keeping the search indexes in step with the offers.

Two indexes hold offers: Wagtail's database index (every offer; the database engine applies
JobOffer.objects.open() at query time) and, when ELASTICSEARCH_URL is set, the Elasticsearch index
(open offers only). This module is the only one that writes them; on PostgreSQL, triggers copy each
offer's entry into its search document (search.models.OfferDocument). Every change to an offer, its
institution or its profession schedules, once the transaction commits, a task that re-reads the
offer and upserts or deletes it in both (search/signals.py, search/tasks.py); an import's batches
arrive in bulk (index_in_bulk). The daily `search_index sync` catches what no signal announces:
deadlines that pass, and anything lost on the way.

Until an offer's change is in both indexes, a PendingIndexWrite row, written in the change's own
transaction, says so: a process killed before the index write (an import between two flushes, a
task never run) leaves the row for `search_index status` to count and `search_index sync` to repair.
Each change gives the row a new token; whoever writes the indexes removes the row only if it still
holds the token of the change they wrote (or read before reading the offer), never a newer one.
"""

import logging
import os
import threading

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.utils import timezone
from modelsearch import index as wagtail_index
from modelsearch.backends import get_search_backend, get_search_backends

from jobs.indexing import for_indexing
from jobs.models import JobOffer
from metnum_site.upstream import index_entry_model

from .models import OfferDocument, PendingIndexWrite

logger = logging.getLogger("search")
CHUNK = 1000

# {offer pk: token} of the changes this thread marked and has not written to the indexes yet.
_marked = threading.local()


def mark_pending(pks):
    """Note in the current transaction that the offers `pks` changed and wait for their index write."""
    tokens = getattr(_marked, "tokens", None)
    if tokens is None:
        tokens = _marked.tokens = {}
    now = timezone.now()
    rows = []
    for pk in pks:
        # From os.urandom, not `random`: processes forked from one parent must not draw the same tokens.
        tokens[pk] = int.from_bytes(os.urandom(8), "big") >> 1
        rows.append(PendingIndexWrite(offer_id=pk, token=tokens[pk], marked_at=now))
    PendingIndexWrite.objects.bulk_create(
        rows, update_conflicts=True, unique_fields=["offer_id"], update_fields=["token", "marked_at"]
    )


def marked_tokens(pks):
    """{pk: token} of this thread's marks of the offers `pks`, forgotten here: whoever writes them
    clears the rows once done (clear_pending)."""
    tokens = getattr(_marked, "tokens", None) or {}
    return {pk: tokens.pop(pk) for pk in pks if pk in tokens}


def pending_tokens(pks=None):
    """{pk: token} of the pending rows (of the offers `pks`), read before the offers are."""
    rows = PendingIndexWrite.objects.all() if pks is None else PendingIndexWrite.objects.filter(offer_id__in=pks)
    return dict(rows.values_list("offer_id", "token"))


def clear_pending(tokens):
    """Remove the rows of `tokens` ({pk: token}) that no later change has marked again."""
    tokens = {int(pk): token for pk, token in tokens.items()}
    for start in range(0, len(tokens), CHUNK):
        pks = sorted(tokens)[start : start + CHUNK]
        PendingIndexWrite.objects.filter(offer_id__in=pks, token__in=[tokens[pk] for pk in pks]).delete()


def index_entries():
    return index_entry_model().objects.filter(content_type=ContentType.objects.get_for_model(JobOffer))


def sync_offer(pk, token=None):
    """Upsert or delete one offer in both indexes, from what the database says now (idempotent), then
    clear its pending row: the one of `token`, the change that asked for this write, or else the one
    found before reading the offer."""
    tokens = {pk: token} if token is not None else pending_tokens([pk])
    offer = JobOffer.get_indexed_objects().filter(pk=pk).first()
    if offer is None:
        drop_entries([pk])
    else:
        wagtail_index.insert_or_update_object(offer)
    outcome = sync_offers_to_elasticsearch([pk])
    if outcome != "failed":
        clear_pending(tokens)
    return outcome or ("indexed" if offer else "deleted")


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


def sync_pending():
    """Write the offers with a pending row to both indexes and clear their rows.
    Returns (offers written, offers Elasticsearch could not take: their rows stay)."""
    tokens = pending_tokens()
    pks, failed = sorted(tokens), 0
    for start in range(0, len(pks), CHUNK):
        chunk = pks[start : start + CHUNK]
        index_in_bulk(chunk, list(for_indexing(JobOffer.get_indexed_objects().filter(pk__in=chunk))))
        if sync_offers_to_elasticsearch(chunk) == "failed":
            failed += len(chunk)
        else:
            clear_pending({pk: tokens[pk] for pk in chunk})
    return len(pks) - failed, failed


def pending_status():
    """(number of pending rows, when the oldest was marked or None)."""
    rows = PendingIndexWrite.objects.order_by("marked_at")
    oldest = rows.values_list("marked_at", flat=True).first()
    return rows.count(), oldest


def database_sync():
    """Index the offers missing from Wagtail's database index, drop the entries of deleted offers."""
    backend = get_search_backend()
    missing = list(JobOffer.get_indexed_objects().filter(pk__in=database_missing().values("pk")))
    for start in range(0, len(missing), CHUNK):
        backend.add_bulk(JobOffer, missing[start : start + CHUNK])
    removed = database_orphans().delete()[0]
    return len(missing), removed


# A document's own columns; the others repeat the offer's under the same names.
DOCUMENT_OWN_COLUMNS = ("offer_id", "entry_id", "title", "text")


def documents_out_of_step():
    """PostgreSQL: (ids of the index entries of offers whose search document is missing or differs from
    the entry and the offer, number of documents whose offer has no entry). The triggers of
    search/migrations/0012 keep both at zero; a load that disables them (pg_restore
    --disable-triggers, session_replication_role = replica) would not."""
    entries, offers, documents = document_tables()
    repeated = [field.column for field in OfferDocument._meta.fields if field.column not in DOCUMENT_OWN_COLUMNS]
    held = ", ".join(["document.entry_id", "document.title", "document.text", *(f"document.{c}" for c in repeated)])
    expected = ", ".join(["entry.id", "entry.title", "entry.title || entry.body", *(f"offer.{c}" for c in repeated)])
    offer_type = ContentType.objects.get_for_model(JobOffer).pk
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT entry.id FROM {entries} AS entry "
            f"JOIN {offers} AS offer ON entry.content_type_id = %s AND entry.object_id = offer.id::text "
            f"LEFT JOIN {documents} AS document ON document.offer_id = offer.id "
            f"WHERE ({held}) IS DISTINCT FROM ({expected})",
            [offer_type],
        )
        stale = [pk for (pk,) in cursor.fetchall()]
        cursor.execute(f"SELECT COUNT(*) FROM {documents} AS document WHERE {orphan_condition()}", [offer_type])
        (orphans,) = cursor.fetchone()
    return stale, orphans


def document_tables():
    return index_entry_model()._meta.db_table, JobOffer._meta.db_table, OfferDocument._meta.db_table


def orphan_condition():
    """SQL: the document's offer is gone or has no index entry (its parameter: the offers' content type)."""
    entries, offers, _ = document_tables()
    return (
        f"NOT EXISTS (SELECT 1 FROM {entries} AS entry JOIN {offers} AS offer ON offer.id = document.offer_id "
        "WHERE entry.content_type_id = %s AND entry.object_id = document.offer_id::text)"
    )


def documents_sync():
    """PostgreSQL: rewrite the documents out of step and drop those of no entry. The entries are
    rewritten as they are, and their trigger writes the documents: it stays their one writer."""
    stale, orphans = documents_out_of_step()
    entries, _, documents = document_tables()
    with connection.cursor() as cursor:
        for start in range(0, len(stale), CHUNK):
            cursor.execute(f"UPDATE {entries} SET title = title WHERE id = ANY(%s)", [stale[start : start + CHUNK]])
        if orphans:
            cursor.execute(
                f"DELETE FROM {documents} AS document WHERE {orphan_condition()}",
                [ContentType.objects.get_for_model(JobOffer).pk],
            )
    return len(stale), orphans
