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

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.dispatch import Signal
from wagtail.models import ReferenceIndex
from wagtail.search import index
from wagtail.search.backends import get_search_backends
from wagtail.signal_handlers import disable_reference_index_auto_update

from .bulk import insert_rows

logger = logging.getLogger(__name__)
_state = threading.local()
BATCH_SIZE = 500

# Sent after a bulk flush with `pks`, the offers saved inside deferred_offer_indexing().
offers_indexed_in_bulk = Signal()


def defer(pk, stored=None):
    """Note an offer for the bulk flush when a deferred block is active; False otherwise.
    `stored`, the offer as just written and read back through `for_indexing()`, spares the flush
    reading it again; any later save of the offer in the block drops it."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending[pk] = stored
    return True


def for_indexing(offers):
    """The offers queryset with what the search backends and the reference index read."""
    return offers.select_related("institution").prefetch_related("skills", "tagged_skills")


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
        pending.pop(instance.pk, None)
    index.remove_object(instance)


class _Deferred:
    def __init__(self, pending):
        self.pending = pending

    def flush(self):
        pks = sorted(self.pending)
        stored = {pk: offer for pk, offer in self.pending.items() if offer is not None}
        self.pending.clear()
        index_offers(pks, stored)
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
    _state.pending = {}
    deferred = _Deferred(_state.pending)
    try:
        with disable_reference_index_auto_update():
            yield deferred
    finally:
        del _state.pending
        deferred.flush()  # rows committed before an error are indexed too


def index_offers(pks, stored=None):
    """Update the search backends and the reference index for the offers `pks`; those in `stored`
    ({pk: offer read through for_indexing()}) are not read again."""
    from .models import JobOffer

    stored = stored or {}
    for start in range(0, len(pks), BATCH_SIZE):
        chunk = pks[start : start + BATCH_SIZE]
        offers = [stored[pk] for pk in chunk if pk in stored]
        unread = [pk for pk in chunk if pk not in stored]
        if unread:
            offers += for_indexing(JobOffer.get_indexed_objects().filter(pk__in=unread))
        offers.sort(key=lambda offer: offer.pk)
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
            update_reference_index(offers)


def update_reference_index(offers):
    """ReferenceIndex.create_or_update_for_object for many offers in three statements instead of
    two or three per offer (JobOffer has no parent model: one content type)."""
    if not offers:
        return
    content_type = ContentType.objects.get_for_model(offers[0])
    extract = ReferenceIndex._extract_references_from_object
    found = {(offer.pk, *reference) for offer in offers for reference in extract(offer)}
    existing = {
        (object_id, to_content_type_id, to_object_id, model_path, content_path): pk
        for pk, object_id, to_content_type_id, to_object_id, model_path, content_path in ReferenceIndex.objects.filter(
            base_content_type=content_type, object_id__in=[str(offer.pk) for offer in offers]
        ).values_list("pk", "object_id", "to_content_type_id", "to_object_id", "model_path", "content_path")
    }
    existing = {(int(key[0]), *key[1:]): pk for key, pk in existing.items()}
    insert_rows(
        ReferenceIndex,
        [
            ReferenceIndex(
                content_type=content_type,
                base_content_type=content_type,
                object_id=object_id,
                to_content_type_id=to_content_type_id,
                to_object_id=to_object_id,
                model_path=model_path,
                content_path=content_path,
                content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
            )
            for object_id, to_content_type_id, to_object_id, model_path, content_path in found - set(existing)
        ],
        ignore_conflicts=True,
    )
    ReferenceIndex.objects.filter(pk__in=[pk for key, pk in existing.items() if key not in found]).delete()
