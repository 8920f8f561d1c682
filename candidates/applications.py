"""Applying to an offer on MetNum: the rules (an institution that receives applications here, an open
offer, one application per candidate and offer) and the one place that stores an application with its
CV. Nothing is stored when a rule refuses it; a CV file whose row could not be written is deleted."""

from functools import partial

from django.db import IntegrityError, transaction
from django.utils import timezone

from jobs.models import JobOffer

from . import tasks
from .forms import sanitised_file_name
from .models import Application

CLOSED = (
    "Cette offre n'accepte plus de candidatures : sa date limite est passée ou le poste a été pourvu. "
    "Consultez les autres offres d'emploi."
)
ALREADY = "Vous avez déjà postulé à cette offre. Vous suivez votre candidature dans votre espace candidat."
NOT_HERE = "Cette offre ne reçoit pas de candidatures sur le site : suivez le lien « Candidater » de l'offre."


class Refused(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def receives_here(offer):
    return offer.institution.receives_applications_on_metnum


def refusal(candidate, offer):
    """Why `candidate` may not apply to `offer` now, or None."""
    if not receives_here(offer):
        return NOT_HERE
    if not JobOffer.objects.open().filter(pk=offer.pk).exists():
        return CLOSED
    if Application.objects.filter(candidate=candidate, offer=offer).exists():
        return ALREADY
    return None


def submit(candidate, offer, cover_letter, cv_file):
    """Store the application and its CV (checked by the form), then send the emails once committed."""
    message = refusal(candidate, offer)
    if message:
        raise Refused(message)
    now = timezone.now()
    application = Application(
        candidate=candidate,
        offer=offer,
        cover_letter=cover_letter,
        cv_name=sanitised_file_name(cv_file.name),
        submitted_at=now,
        status_changed_at=now,
    )
    application.cv.save("cv.pdf", cv_file, save=False)
    try:
        with transaction.atomic():
            application.save()
            transaction.on_commit(partial(tasks.send_application_emails.enqueue, application.pk), robust=True)
    except IntegrityError:
        application.cv.storage.delete(application.cv.name)
        raise Refused(ALREADY) from None
    except BaseException:
        application.cv.storage.delete(application.cv.name)
        raise
    return application
