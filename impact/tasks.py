"""The flush of the impact counts (counters.flush) as a django-tasks task: `manage.py
flush_impact_counts --enqueue` hands it to the `db_worker` (cron every 10 minutes: docs/impact.md)."""

from django_tasks import task

from . import counters


@task()
def flush_counts():
    return {"événements enregistrés": counters.flush()}
