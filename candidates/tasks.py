"""Background tasks (django-tasks) of the candidates' space: its emails, and the daily purge
(`manage.py purge_candidates`, cron: docs/deploy.md)."""

import logging

from django_tasks import task

from . import emails, purge
from .models import Application, SignInLink

logger = logging.getLogger("candidates")


@task()
def send_sign_in_link(link_id):
    link = SignInLink.objects.filter(pk=link_id, used_at__isnull=True).first()
    if link is None:
        return "supprimé"
    emails.sign_in_link(link).send()
    return "envoyé"


@task()
def send_application_emails(application_id):
    application = (
        Application.objects.select_related("candidate", "offer__institution").filter(pk=application_id).first()
    )
    if application is None:
        return "supprimée"
    emails.application_confirmation(application).send()
    notification = emails.recruiters_notification(application)
    if notification is not None:
        notification.send()
    return "envoyés"


@task()
def purge_candidates():
    outcome = purge.purge()
    logger.info("Candidatures : purge %s.", outcome)
    return outcome
