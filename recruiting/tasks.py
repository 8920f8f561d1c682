"""Background tasks (django-tasks, see alerts/tasks.py) of the recruiting side: the decision emails and
the talent pool's messages, enqueued once the transaction that decided them has committed. Logs name
ids only, never a person."""

import logging

from django.utils import timezone
from django_tasks import task

from candidates.models import Application

from . import emails
from .models import PoolContact

logger = logging.getLogger("recruiting")
DECISIONS = {"retenue", "non_retenue"}


@task()
def send_decision(application_id, status):
    """Tell the candidate the decision `status`, unless the application changed since (or is gone)."""
    application = (
        Application.objects.select_related("candidate", "offer__institution")
        .prefetch_related("refusal_reasons")
        .filter(pk=application_id)
        .first()
    )
    if application is None or application.status != status or status not in DECISIONS:
        return "sans objet"
    emails.decision(application).send()
    Application.objects.filter(pk=application_id).update(decision_sent_at=timezone.now())
    logger.info("Recrutement : décision « %s » envoyée pour la candidature %s.", status, application_id)
    return "envoyée"


@task()
def send_pool_contact(contact_id):
    contact = PoolContact.objects.select_related("candidate", "institution", "sender").filter(pk=contact_id).first()
    if contact is None:
        return "sans objet"
    emails.pool_contact(contact).send()
    logger.info("Vivier : message %s envoyé.", contact_id)
    return "envoyé"
