"""/sante: what monitoring polls (metnum_site/health.py)."""

import datetime
import socket

import pytest
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_every_part_answers_and_nothing_secret_is_shown(client, settings):
    settings.ELASTICSEARCH_URL = ""
    response = client.get("/sante")

    assert response.status_code == 200
    assert response.json() == {
        "statut": "ok",
        "base_de_donnees": "ok",
        "cache": "ok",
        "recherche": "ok (base de données)",
        "taches": "ok (exécutées sur-le-champ)",
    }
    assert response["Cache-Control"] == "no-store"


def test_an_unanswering_elasticsearch_is_degraded_not_down(client, settings):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{port}"

    response = client.get("/sante")

    assert response.status_code == 200
    assert response.json()["recherche"].startswith("dégradé : Elasticsearch ne répond pas")
    assert str(port) not in response.content.decode()


def test_a_broken_cache_makes_the_site_unhealthy(client, settings, tmp_path):
    not_a_directory = tmp_path / "fichier"
    not_a_directory.write_text("")
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.filebased.FileBasedCache", "LOCATION": str(not_a_directory)}
    }

    response = client.get("/sante")

    assert response.status_code == 503
    body = response.json()
    assert body["statut"] == "en panne"
    assert body["cache"].startswith("en erreur : ")
    assert body["base_de_donnees"] == "ok"


def test_tasks_waiting_too_long_are_reported(client, settings):
    from django_tasks_db.models import DBTaskResult

    from search.tasks import sync_offer

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    assert client.get("/sante").json()["taches"] == "ok"
    sync_offer.enqueue(1)
    assert client.get("/sante").json()["taches"] == "ok"  # just queued: the worker has time
    DBTaskResult.objects.update(enqueued_at=timezone.now() - datetime.timedelta(hours=1))

    body = client.get("/sante").json()
    assert body["taches"] == "1 tâche attend depuis plus de 15 minutes : le worker (manage.py db_worker) tourne-t-il ?"
    assert body["statut"] == "en panne"
