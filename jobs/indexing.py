"""The search index and Wagtail's reference index for offers.

Wagtail updates both on every save, and creating then publishing an offer saves it three times.
A bulk import wraps its work in `deferred_offer_indexing()`: saves only note the offer, which is
then indexed once, in bulk, every few hundred rows and at the end, and `offers_indexed_in_bulk`
tells other indexes (Elasticsearch, search/signals.py) which offers changed. Outside that block an
offer is indexed on save exactly as Wagtail does for any other model (JobOffer sets
`search_auto_update = False` so that these handlers replace Wagtail's, see JobsConfig.ready).
"""

import logging
import threading
from contextlib import contextmanager

from django.db import transaction
from django.dispatch import Signal
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

logger = logging.getLogger(__name__)
_state = threading.local()
BATCH_SIZE = 500

# Sent after a bulk flush with `pks`, the offers saved inside deferred_offer_indexing().
offers_indexed_in_bulk = Signal()


def defer(pk):
    """Note an offer for the bulk flush when a deferred block is active; False otherwise."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending.add(pk)
    return True


def offer_saved(sender, instance, raw=False, **kwargs):
    if raw:
        return
    if defer(instance.pk):
        return
    from modelsearch.tasks import insert_or_update_object_task

    insert_or_update_object_task.enqueue(instance._meta.app_label, instance._meta.model_name, str(instance.pk))


def offer_deleted(sender, instance, **kwargs):
    pending = getattr(_state, "pending", None)
    if pending is not None:
        pending.discard(instance.pk)
    index.remove_object(instance)


class _Deferred:
    def __init__(self, pending):
        self.pending = pending

    def flush(self):
        pks = sorted(self.pending)
        self.pending.clear()
        index_offers(pks)
        if pks:
            offers_indexed_in_bulk.send(sender=_Deferred, pks=pks)

    def flush_every(self, size):
        if len(self.pending) >= size:
            self.flush()


@contextmanager
def deferred_offer_indexing():
    """Index the offers saved inside the block once each, in bulk, instead of on every save."""
    if getattr(_state, "pending", None) is not None:  # already deferring (nested import)
        yield _Deferred(_state.pending)
        return
    _state.pending = set()
    deferred = _Deferred(_state.pending)
    try:
        with disable_reference_index_auto_update():
            yield deferred
    finally:
        del _state.pending
        deferred.flush()  # rows committed before an error are indexed too


def index_offers(pks):
    """Update the search backends and the reference index for the offers `pks`."""
    from .models import JobOffer

    for start in range(0, len(pks), BATCH_SIZE):
        chunk = pks[start : start + BATCH_SIZE]
        offers = list(
            JobOffer.get_indexed_objects()
            .filter(pk__in=chunk)
            .select_related("institution")
            .prefetch_related("skills")
            .order_by("pk")
        )
        if not offers:
            continue
        for backend in get_search_backends(with_auto_update=True):
            try:
                backend.add_bulk(JobOffer, offers)
            except Exception:
                # Like Wagtail: an external engine being down must not lose the saved offers.
                if not backend.catch_indexing_errors:
                    raise
                logger.exception("Indexation des offres impossible dans %r", backend)
        with transaction.atomic():
            for offer in offers:
                ReferenceIndex.create_or_update_for_object(offer)
