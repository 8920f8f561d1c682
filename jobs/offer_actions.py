"""What editors do to an offer beyond editing it: mark it filled, copy it as a new draft."""

from django.db import transaction
from django.utils import timezone
from wagtail.log_actions import log

from .models import JobOffer, default_deadline

MARK_FILLED_ACTION = "jobs.mark_filled"
COPY_TITLE_PREFIX = "Copie de "


def mark_filled_refusal(offer, user):
    """Why `offer` cannot be marked filled by `user` right now (a French message), or None."""
    if offer.filled_at:
        return f"L'offre « {offer} » est déjà marquée comme pourvue (depuis le {offer.filled_at:%d/%m/%Y})."
    if offer.scheduled_revision:
        # Publishing now would cancel the schedule, and the scheduled version would reopen the offer.
        return (
            f"L'offre « {offer} » a une publication programmée : annulez la programmation "
            "avant de la marquer comme pourvue."
        )
    lock = offer.get_lock()
    if lock and lock.for_user(user):
        return f"L'offre « {offer} » est verrouillée : déverrouillez-la avant de la marquer comme pourvue."
    return None


@transaction.atomic
def mark_filled(offer, user=None, today=None):
    """Close `offer` as filled today, in a new revision that keeps the history.

    A live offer is republished so that its public page says "pourvue"; a draft the editor was
    preparing on top of it is kept (with the filled date) rather than published by surprise. An
    offer that is not live gets the date on its row too, so that listings and status show it.
    Returns the revision that carries the change."""
    today = today or timezone.localdate()
    offer = JobOffer.objects.select_for_update().get(pk=offer.pk)
    pending_draft = offer.get_latest_revision_as_object() if offer.has_unpublished_changes else None

    if offer.live:
        offer.filled_at = today
        revision = offer.save_revision(user=user, clean=False)
        revision.publish(user=user, skip_permission_checks=True)
        if pending_draft is not None:
            pending_draft.filled_at = today
            pending_draft.save_revision(user=user, clean=False)
    else:
        latest = pending_draft or offer
        latest.filled_at = today
        revision = latest.save_revision(user=user, clean=False)
        JobOffer.objects.filter(pk=offer.pk).update(filled_at=today)

    log(instance=offer, action=MARK_FILLED_ACTION, user=user, revision=revision, data={"filled_at": today.isoformat()})
    return revision


def new_draft_copy(offer):
    """The values a copy of `offer` starts from: its latest content (draft changes included,
    with its contract types and skills), as a new, unpublished, unfilled offer of our own.

    The result only fills the creation form; saving that form creates the new offer."""
    copy = offer.get_latest_revision_as_object()
    copy.title = (COPY_TITLE_PREFIX + copy.title)[: JobOffer._meta.get_field("title").max_length]
    copy.slug = ""  # derived from the new title when the copy is saved
    copy.filled_at = None
    copy.source = ""
    copy.external_id = ""
    copy.live = False
    copy.has_unpublished_changes = True
    copy.first_published_at = copy.last_published_at = None
    copy.go_live_at = copy.expire_at = None
    copy.expired = False
    copy.locked, copy.locked_by, copy.locked_at = False, None, None
    if copy.deadline < timezone.localdate():
        copy.deadline = default_deadline()
    return copy
