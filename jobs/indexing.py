"""Batches of offer changes, for the indexes that follow the offers.

A batch (`deferred_offer_indexing()`) is opened by every save or deletion of an offer
(JobOffer.save and delete: the offer with its skills and contract types), by every admin request
about offers, and by an import. Changes inside only note the offer; when the batch is flushed (at its
end, and every few hundred rows of an import) this module updates Wagtail's reference index in bulk,
then sends `offers_changed` with the offers, for the search app (the one owner of the search indexes,
search/signals.py) to index them in bulk. Changes outside any batch (bulk deletions, related rows
saved on their own) reach the search app through Django's signals, after the transaction commits.
"""

import threading
from contextlib import contextmanager

from django.apps import apps
from django.db import transaction
from django.dispatch import Signal

_state = threading.local()
BATCH_SIZE = 500

# Sent by a flush, once per chunk: `pks` the offers changed in the batch, `offers` those of them
# that still exist, read through for_indexing() (the others were deleted).
offers_changed = Signal()

# Sent inside the transaction that writes offers without Django's model signals (the importer's bulk
# creations), with their `pks`: the search app notes there that their index write is pending.
offers_written = Signal()


def defer(pk, stored=None):
    """Note an offer for the batch's flush when a batch is open; False otherwise. `stored`, the
    offer as just written and read back through `for_indexing()`, spares the flush reading it again;
    any later change of the offer in the batch drops it."""
    pending = getattr(_state, "pending", None)
    if pending is None:
        return False
    pending[pk] = stored
    return True


def is_deferred(pk):
    """Whether the open batch already notes the offer `pk`."""
    return pk in (getattr(_state, "pending", None) or ())


def for_indexing(offers):
    """The offers queryset with what the search backends and the reference index read."""
    return offers.select_related("institution", "profession").prefetch_related("skills", "tagged_skills")


class _Deferred:
    def __init__(self, pending):
        self.pending = pending

    def flush(self):
        JobOffer = apps.get_model("jobs", "JobOffer")  # jobs.models uses this module
        pks = sorted(self.pending)
        stored = {pk: offer for pk, offer in self.pending.items() if offer is not None}
        self.pending.clear()
        for start in range(0, len(pks), BATCH_SIZE):
            chunk = pks[start : start + BATCH_SIZE]
            offers = [stored[pk] for pk in chunk if pk in stored]
            unread = [pk for pk in chunk if pk not in stored]
            if unread:
                offers += for_indexing(JobOffer.get_indexed_objects().filter(pk__in=unread))
            offers.sort(key=lambda offer: offer.pk)
            with transaction.atomic():
                update_reference_index(offers)
            offers_changed.send(sender=JobOffer, pks=chunk, offers=offers)

    def flush_every(self, size):
        if len(self.pending) >= size:
            self.flush()


@contextmanager
def deferred_offer_indexing():
    """A batch: the offers changed inside are indexed once each, in bulk, when it is flushed."""
    if getattr(_state, "pending", None) is not None:  # already in a batch (nested import)
        yield _Deferred(_state.pending)
        return
    # Imported here: jobs.models uses this module, and Wagtail's modules need the models loaded.
    from metnum_site.upstream import reference_index_paused

    _state.pending = {}
    deferred = _Deferred(_state.pending)
    try:
        with reference_index_paused():
            yield deferred
    finally:
        del _state.pending
        deferred.flush()  # rows committed before an error are indexed too


def update_reference_index(offers):
    """ReferenceIndex.create_or_update_for_object for many offers in three statements instead of
    two or three per offer (JobOffer has no parent model: one content type)."""
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import ReferenceIndex

    from metnum_site.upstream import content_path_hash, extract_references

    from .bulk import insert_rows

    if not offers:
        return
    content_type = ContentType.objects.get_for_model(offers[0])
    found = {(offer.pk, *reference) for offer in offers for reference in extract_references(offer)}
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
                content_path_hash=content_path_hash(content_path),
            )
            for object_id, to_content_type_id, to_object_id, model_path, content_path in found - set(existing)
        ],
        ignore_conflicts=True,
    )
    ReferenceIndex.objects.filter(pk__in=[pk for key, pk in existing.items() if key not in found]).delete()
