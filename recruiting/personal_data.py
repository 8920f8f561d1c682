"""What recruiting keeps about a candidate, for their archive and for the purge (candidates app):
the talent pool's messages they received and the recruiters' notes on their applications. Notes are
the candidate's personal data too (right of access): the note form says so to recruiters."""

from django.dispatch import receiver

from candidates.personal_data import collecting
from candidates.purge import purging

from .models import ApplicationNote, PoolContact


@receiver(collecting, dispatch_uid="recruiting_personal_data")
def pieces_of_the_archive(sender, candidate, **kwargs):
    messages = PoolContact.objects.filter(candidate=candidate).select_related("institution").order_by("sent_at")
    notes = (
        ApplicationNote.objects.filter(application__candidate=candidate)
        .select_related("application__offer")
        .order_by("created_at")
    )
    return {
        "messages_du_vivier": [
            {
                "institution": message.institution.name,
                "envoye_le": message.sent_at.isoformat(),
                "message": message.message,
            }
            for message in messages
        ],
        "notes_des_recruteurs": [
            {"offre": note.application.offer.title, "ecrite_le": note.created_at.isoformat(), "note": note.text}
            for note in notes
        ],
    }


@receiver(purging, dispatch_uid="recruiting_purge")
def purge_old_messages(sender, limit, **kwargs):
    deleted, _ = PoolContact.objects.filter(sent_at__lt=limit).delete()
    return {"messages du vivier": deleted}
