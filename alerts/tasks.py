"""Background tasks (django-tasks) of the email alerts: the database backend and `db_worker` in
production, run at once in development and tests. `manage.py send_alerts` and `purge_alerts`
enqueue them (cron: docs/deploy.md)."""

import datetime
import logging

from django.utils import timezone
from django_tasks import default_task_backend, task

from . import digests, emails, purge
from .models import Alert

logger = logging.getLogger("alerts")
CONFIRMATION_ATTEMPTS = 4


def _later(task_function, run_after, *args):
    """Enqueue again at `run_after` when the backend can wait; otherwise the next scheduled run
    (cron) takes over. Returns whether it was enqueued."""
    if not default_task_backend.supports_defer:
        return False
    task_function.using(run_after=run_after).enqueue(*args)
    return True


@task()
def send_digests(frequency):
    """The scheduled run of one frequency: plan this period's deliveries, then send them."""
    period, planned = digests.plan(frequency)
    logger.info("Alertes %s : %s envoi(s) prévu(s) pour la période %s.", frequency, planned, period)
    return _deliver()


@task()
def deliver_pending():
    """A batch of ready deliveries (rate-limited); comes back while some are left."""
    return _deliver()


def _deliver():
    outcome = digests.deliver_pending()
    if outcome.next_run_at is not None:
        _later(deliver_pending, outcome.next_run_at)
    return {"envoyés": outcome.sent, "sans nouvelle offre": outcome.empty, "échecs": outcome.failed}


@task()
def send_confirmation(alert_id, frequency, attempt=1):
    """The confirmation email of a request, retried a few times when the mail server refuses it."""
    alert = Alert.objects.select_related("subscriber").filter(pk=alert_id).first()
    if alert is None:
        return "supprimée"
    try:
        emails.confirmation(alert, frequency).send()
    except Exception as error:
        if attempt >= CONFIRMATION_ATTEMPTS or not _later(
            send_confirmation,
            timezone.now() + datetime.timedelta(minutes=5 * attempt),
            alert_id,
            frequency,
            attempt + 1,
        ):
            raise
        logger.warning("Alertes : confirmation %s non envoyée (%s), nouvel essai prévu.", alert_id, error)
        return "nouvel essai prévu"
    return "envoyée"


@task()
def purge_alerts():
    unconfirmed, inactive = purge.purge()
    return {"demandes non confirmées": unconfirmed, "alertes inactives": inactive}
