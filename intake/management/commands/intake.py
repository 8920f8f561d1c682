from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from jobs.import_lock import ImportRunning
from jobs.importer import ImportFileError
from jobs.management.commands.import_offers import DATABASE_BUSY, FILE_REFUSED, IMPORT_RUNNING, ROWS_REJECTED
from metnum_site.database_busy import BUSY_MESSAGE, is_database_busy

from ...adapters import ADAPTERS
from ...runs import collect


class Command(BaseCommand):
    help = (
        "Collecte les offres du numérique d'une source (docs/intake.md) et les importe par l'importeur des "
        "offres. Sources : "
        + ", ".join(f"{kind} ({adapter.label})" for kind, adapter in ADAPTERS.items())
        + ". Statut de sortie : 0 tout est importé, 1 des offres sont rejetées, 2 fichier refusé, 3 une autre "
        "importation de la même source est en cours, 4 base de données occupée."
    )

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=list(ADAPTERS), help="Le format de la source.")
        parser.add_argument("file", help="Le fichier, ou son adresse http(s) pour csp et france-travail.")
        parser.add_argument("--dry-run", action="store_true", help="Tout vérifier sans rien enregistrer.")
        parser.add_argument("--draft", action="store_true", help="Enregistrer en brouillon au lieu de publier.")
        parser.add_argument(
            "--close-missing",
            action="store_true",
            help="Fichier complet de la source : dépublier ses offres qui n'y sont plus (ou ne sont plus gardées).",
        )

    def handle(self, *args, **options):
        try:
            _, report = collect(
                options["kind"],
                options["file"],
                dry_run=options["dry_run"],
                draft=options["draft"],
                close_missing=options["close_missing"],
            )
        except ImportFileError as error:
            raise CommandError(f"Fichier refusé, rien n'a été enregistré. {error}", returncode=FILE_REFUSED) from error
        except ImportRunning as error:
            raise CommandError(str(error), returncode=IMPORT_RUNNING) from error
        except OperationalError as error:
            if not is_database_busy(error):
                raise
            raise CommandError(
                f"{BUSY_MESSAGE} La collecte s'est arrêtée : chaque offre déjà enregistrée l'est entièrement ; "
                "relancez-la.",
                returncode=DATABASE_BUSY,
            ) from error

        for decision in report.kept:
            self.stdout.write(f"Gardée : {decision}")
        for decision in report.dropped:
            self.stdout.write(f"Écartée : {decision}")
        for decision in report.set_aside:
            self.stdout.write(f"Mise de côté : {decision}")
        for decision in report.duplicates:
            self.stdout.write(f"Déjà publiée : {decision}")
        for note in report.notes:
            self.stdout.write(f"Remarque : {note}")
        result = report.result
        for error in result.errors:
            self.stderr.write(f"Rejetée : {error}")
        self.stdout.write(report.summary())
        if result.rejected:
            self.stdout.write(result.summary())
            plural = "s" if result.rejected > 1 else ""
            raise CommandError(
                f"{result.rejected} offre{plural} rejetée{plural} par l'importeur (détail ci-dessus).",
                returncode=ROWS_REJECTED,
            )
        self.stdout.write(self.style.SUCCESS(result.summary()))
