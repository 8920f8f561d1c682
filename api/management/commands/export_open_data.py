from django.core.management.base import BaseCommand

from api import datasets


class Command(BaseCommand):
    help = (
        "Écrit les jeux de données ouverts des offres ouvertes (CSV et JSON Lines) puis les publie d'un coup ; "
        "à lancer chaque nuit. Un échec laisse les fichiers publiés intacts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Confier l'export à la tâche de fond refresh_open_data (django-tasks) au lieu de le faire ici.",
        )

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            from api.tasks import refresh_open_data

            result = refresh_open_data.enqueue()
            self.stdout.write(f"Export confié à la tâche de fond ({result.id}).")
            return
        count = datasets.export()
        paths = ", ".join(f"/api/v1/donnees/{name}" for name in (datasets.CSV_NAME, datasets.JSONL_NAME))
        self.stdout.write(self.style.SUCCESS(f"{count} offres ouvertes exportées : {paths}."))
