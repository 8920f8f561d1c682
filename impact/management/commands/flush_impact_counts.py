from django.core.management.base import BaseCommand

from impact import counters, tasks


class Command(BaseCommand):
    help = "Enregistre en base les comptages de la mesure d'impact gardés dans le cache (sans effet si rien n'attend)."

    def add_arguments(self, parser):
        parser.add_argument("--enqueue", action="store_true", help="Confier l'enregistrement au db_worker.")

    def handle(self, *args, enqueue=False, **options):
        if enqueue:
            tasks.flush_counts.enqueue()
            self.stdout.write("Enregistrement des comptages confié au db_worker.")
            return
        self.stdout.write(f"{counters.flush()} événement(s) enregistré(s).")
