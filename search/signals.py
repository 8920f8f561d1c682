"""Offer changes → search index sync, after the transaction commits (see search/indexing.py)."""

from functools import partial

from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from jobs import indexing as jobs_indexing
from jobs.models import Institution, JobOffer, JobOfferSkill, Profession

from . import tasks


def schedule_offer(pk):
    # Inside a bulk import the offer waits for the import's flush (offers_flushed below).
    if pk is not None and not jobs_indexing.defer(pk):
        transaction.on_commit(partial(tasks.sync_offer.enqueue, pk), robust=True)


def offers_flushed(sender, pks, **kwargs):
    """A bulk import already refreshed Wagtail's index: only Elasticsearch is left to update."""
    transaction.on_commit(partial(tasks.sync_offers_to_elasticsearch.enqueue, list(pks)), robust=True)


def offer_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_offer(instance.pk)


def offer_contracts_changed(sender, instance, action, **kwargs):
    if action.startswith("post_") and isinstance(instance, JobOffer):
        schedule_offer(instance.pk)


def offer_skill_changed(sender, instance, raw=False, **kwargs):
    if not raw:
        schedule_offer(instance.content_object_id)


def taxonomy_changed(field, sender, instance, created=False, raw=False, **kwargs):
    if not raw and not created:
        transaction.on_commit(partial(tasks.sync_offers_of.enqueue, field, instance.pk), robust=True)


def connect():
    jobs_indexing.offers_indexed_in_bulk.connect(offers_flushed, dispatch_uid="search_offers_flushed")
    post_save.connect(offer_changed, sender=JobOffer, dispatch_uid="search_offer_saved")
    post_delete.connect(offer_changed, sender=JobOffer, dispatch_uid="search_offer_deleted")
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
