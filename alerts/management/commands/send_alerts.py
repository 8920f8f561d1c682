from django.core.management.base import BaseCommand

from alerts.models import Frequency
from alerts.tasks import deliver_pending, send_digests


class Command(BaseCommand):
    help = (
        "Envoie les alertes par e-mail d'une fréquence (tâche django-tasks : exécutée par db_worker en "
        "production). À lancer chaque jour pour « quotidienne », chaque lundi pour « hebdomadaire » "
        "(docs/alerts.md). Relancer la commande ne renvoie rien de ce qui est parti."
    )

    def add_arguments(self, parser):
        parser.add_argument("--frequency", choices=Frequency.values, help="quotidienne ou hebdomadaire")
        parser.add_argument(
            "--pending", action="store_true", help="seulement les envois en attente (échecs à retenter, débit)"
        )

    def handle(self, *args, frequency=None, pending=False, **options):
        if not frequency and not pending:
            self.stderr.write("Indiquez --frequency quotidienne, --frequency hebdomadaire ou --pending.")
            raise SystemExit(2)
        result = deliver_pending.enqueue() if pending else send_digests.enqueue(frequency)
        if result.is_finished:
            self.stdout.write(f"Alertes : {result.return_value}")
        else:
            self.stdout.write(f"Alertes : tâche {result.id} en file d'attente (manage.py db_worker l'exécute).")
