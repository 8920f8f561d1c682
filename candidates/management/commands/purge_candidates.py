from django.core.management.base import BaseCommand

from candidates.tasks import purge_candidates


class Command(BaseCommand):
    help = (
        "Efface les candidatures deux ans après la clôture de leur offre, les espaces candidats inutilisés "
        "depuis deux ans (après un e-mail 30 jours avant) et les CV qui vont avec (docs/candidates.md). "
        "À lancer chaque jour."
    )

    def handle(self, *args, **options):
        result = purge_candidates.enqueue()
        if result.is_finished:
            self.stdout.write(f"Candidatures : {result.return_value}")
        else:
            self.stdout.write(f"Candidatures : tâche {result.id} en file d'attente (manage.py db_worker l'exécute).")
