"""/sante : what monitoring polls. Each part answers "ok" or says in French what is wrong, and the
response is 200 when everything the site needs works, 503 otherwise. An Elasticsearch that does not
answer is "degraded", not a failure: searches then answer from the database (search/engines/fallback.py).
Nothing secret is shown: no address, no password, no version."""

import datetime

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.utils import timezone

TASKS_LATE_AFTER = datetime.timedelta(minutes=15)


def database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return "ok"


def cache_status():
    key = "metnum:health"
    cache.set(key, "ok", 10)
    return "ok" if cache.get(key) == "ok" else "le cache ne rend pas ce qu'on y écrit"


def search_engine():
    if not settings.ELASTICSEARCH_URL:
        return "ok (base de données)"
    from elasticsearch import Elasticsearch

    client = Elasticsearch(settings.ELASTICSEARCH_URL, request_timeout=settings.ELASTICSEARCH_TIMEOUT, max_retries=0)
    try:
        return (
            "ok (Elasticsearch)"
            if client.ping()
            else "dégradé : Elasticsearch ne répond pas, repli sur la base de données"
        )
    finally:
        client.close()


def tasks():
    backend = settings.TASKS["default"]["BACKEND"]
    if not backend.startswith("django_tasks_db"):
        return "ok (exécutées sur-le-champ)"
    from django_tasks_db.models import DBTaskResult

    late = DBTaskResult.objects.ready().filter(enqueued_at__lt=timezone.now() - TASKS_LATE_AFTER).count()
    if not late:
        return "ok"
    waiting = "1 tâche attend" if late == 1 else f"{late} tâches attendent"
    return f"{waiting} depuis plus de 15 minutes : le worker (manage.py db_worker) tourne-t-il ?"


CHECKS = {"base_de_donnees": database, "cache": cache_status, "recherche": search_engine, "taches": tasks}


def report():
    """({part: status}, healthy)."""
    statuses = {}
    for name, check in CHECKS.items():
        try:
            statuses[name] = check()
        except Exception as error:  # a monitoring probe reports failures, it never raises
            statuses[name] = f"en erreur : {type(error).__name__}"
    healthy = all(status.startswith(("ok", "dégradé")) for status in statuses.values())
    return statuses, healthy
