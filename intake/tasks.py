"""The weekly collection (django-tasks): every source whose address is configured, a full run each
(offers their file no longer lists are closed). `manage.py intake_weekly` enqueues it (cron:
docs/deploy.md); failures are recorded and emailed by intake/runs.py, never raised to the worker."""

import logging

from django.conf import settings
from django_tasks import task

from jobs.import_lock import ImportRunning
from jobs.importer import ImportFileError

from .runs import collect

logger = logging.getLogger("intake")


@task()
def weekly_intake():
    outcome = {}
    for kind, url in settings.INTAKE_FEEDS.items():
        if not url:
            continue
        try:
            run, _ = collect(kind, url, close_missing=True)
        except (ImportFileError, ImportRunning) as error:
            logger.warning("Collecte %s : échec (%s).", kind, error)
            outcome[kind] = "échec"
        else:
            outcome[kind] = run.get_status_display()
    return outcome
