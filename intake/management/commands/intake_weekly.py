from django.core.management.base import BaseCommand

from intake.tasks import weekly_intake


class Command(BaseCommand):
    help = (
        "Lance la collecte hebdomadaire (tâche django-tasks, exécutée par db_worker en production) des sources "
        "dont l'adresse est configurée : INTAKE_CSP_URL, INTAKE_FRANCE_TRAVAIL_URL (docs/intake.md)."
    )

    def handle(self, *args, **options):
        result = weekly_intake.enqueue()
        if result.is_finished:
            self.stdout.write(f"Collecte : {result.return_value}")
        else:
            self.stdout.write(f"Collecte : tâche {result.id} en file d'attente (manage.py db_worker l'exécute).")
