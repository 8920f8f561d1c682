"""The search app is the one owner of the search indexes: every offer change reaches them here.

A change (a save, a deletion, its skills or contract types, its institution's or profession's
name) schedules the offer once per transaction; when the transaction commits, one task re-reads it
and writes it to each index (search/tasks.py, search/indexing.py). A rolled-back change schedules
nothing. A save that only touches bookkeeping fields (the latest revision, a lock) writes nothing.
Inside an import's batch (jobs.indexing.deferred_offer_indexing) changes wait for the batch's flush,
which hands over the offers in bulk (offers_changed).

Every change also marks the offer as pending in its own transaction (indexing.mark_pending), whether
its index write follows at commit or at the batch's flush; the index write clears the mark."""

import threading
from functools import partial

from django.conf import settings
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from jobs import indexing as jobs_indexing
from jobs.models import Institution, JobOffer, JobOfferSkill, Profession

from . import indexing, tasks
from .models import SynonymGroup

_scheduled = threading.local()


# What Wagtail saves alone for its own bookkeeping (revisions, locks), with the quality score that a
# revision's save refreshes (jobs/quality.py, for the admin only): neither index holds them. Any other
# field may be in an index (the Elasticsearch document holds far more than Wagtail's search fields).
BOOKKEEPING_FIELDS = frozenset(
    {"latest_revision", "has_unpublished_changes", "locked", "locked_at", "locked_by", "quality_score"}
)


def schedule_offer(pk):
    """Index offer `pk` once the transaction commits, once however many changes it goes through."""
    if pk is None:
        return
    if not jobs_indexing.is_deferred(pk):  # once per offer and batch (an update saves its skills one by one)
        indexing.mark_pending([pk])
    if jobs_indexing.defer(pk):
        return
    pending = getattr(_scheduled, "pks", None)
    if pending is None:
        pending = _scheduled.pks = set()
    pending.add(pk)
    # One callback per change, each a no-op once the offer is written: a callback registered in a
    # savepoint that rolls back is dropped, and the offer must still be written by a later one.
    transaction.on_commit(partial(_enqueue_once, pk), robust=True)


def _enqueue_once(pk):
    pending = _scheduled.pks
    if pk in pending:
        pending.discard(pk)
        tasks.sync_offer.enqueue(pk, indexing.marked_tokens([pk]).get(pk))


def offers_flushed(sender, pks, offers, **kwargs):
    """A flushed batch (a save, an admin request, an import's rows): the database index in bulk now,
    Elasticsearch in a task once committed."""
    indexing.index_in_bulk(pks, offers)
    tokens = indexing.marked_tokens(pks)
    if settings.ELASTICSEARCH_URL:
        # The rows wait for Elasticsearch too (JSON task arguments: the keys become strings).
        transaction.on_commit(
            partial(tasks.sync_offers_to_elasticsearch.enqueue, list(pks), {str(pk): t for pk, t in tokens.items()}),
            robust=True,
        )
    else:
        indexing.clear_pending(tokens)


def offers_written(sender, pks, **kwargs):
    """Offers written without Django's signals (an import's bulk creations), in their transaction."""
    indexing.mark_pending(pks)


def offer_saved(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and set(update_fields) <= BOOKKEEPING_FIELDS):
        return
    schedule_offer(instance.pk)


def offer_deleted(sender, instance, **kwargs):
    schedule_offer(instance.pk)


def offer_contracts_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, JobOffer):
        schedule_offer(instance.pk)


def offer_skill_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_offer(instance.content_object_id)


def taxonomy_changed(field, sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created:
        indexing.mark_pending(list(JobOffer.objects.filter(**{field: instance.pk}).values_list("pk", flat=True)))
        transaction.on_commit(partial(tasks.sync_offers_of.enqueue, field, instance.pk), robust=True)


def synonyms_changed(sender, **kwargs):
    """Elasticsearch reads synonyms from its index settings: push the new rules once committed (the
    database engines read them at each search)."""
    transaction.on_commit(tasks.push_synonyms_to_elasticsearch.enqueue, robust=True)


def connect():
    jobs_indexing.offers_changed.connect(offers_flushed, sender=JobOffer, dispatch_uid="search_offers_flushed")
    jobs_indexing.offers_written.connect(offers_written, sender=JobOffer, dispatch_uid="search_offers_written")
    post_save.connect(offer_saved, sender=JobOffer, dispatch_uid="search_offer_saved")
    post_delete.connect(offer_deleted, sender=JobOffer, dispatch_uid="search_offer_deleted")
    m2m_changed.connect(
        offer_contracts_changed, sender=JobOffer.contract_types.through, dispatch_uid="search_offer_contracts"
    )
    post_save.connect(offer_skill_changed, sender=JobOfferSkill, dispatch_uid="search_offer_skill_saved")
    post_delete.connect(offer_skill_changed, sender=JobOfferSkill, dispatch_uid="search_offer_skill_deleted")
    post_save.connect(
        partial(taxonomy_changed, "institution_id"), sender=Institution, weak=False, dispatch_uid="search_institution"
    )
    post_save.connect(
        partial(taxonomy_changed, "profession_id"), sender=Profession, weak=False, dispatch_uid="search_profession"
    )
    post_save.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search_synonyms_saved")
    post_delete.connect(synonyms_changed, sender=SynonymGroup, dispatch_uid="search_synonyms_deleted")
