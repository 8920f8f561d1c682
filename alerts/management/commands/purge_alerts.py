from django.core.management.base import BaseCommand

from alerts.tasks import purge_alerts


class Command(BaseCommand):
    help = (
        "Efface les demandes d'alerte non confirmées après 7 jours, les alertes inactives depuis deux ans "
        "et les adresses restées sans alerte (docs/alerts.md). À lancer chaque jour."
    )

    def handle(self, *args, **options):
        result = purge_alerts.enqueue()
        if result.is_finished:
            self.stdout.write(f"Alertes effacées : {result.return_value}")
        else:
            self.stdout.write(f"Alertes : tâche {result.id} en file d'attente (manage.py db_worker l'exécute).")
