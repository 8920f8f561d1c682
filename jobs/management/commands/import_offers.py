from django.core.management.base import BaseCommand, CommandError
from django.db import OperationalError

from jobs.import_lock import ImportRunning, source_lock
from jobs.importer import COLUMNS, REQUIRED_COLUMNS, ImportFileError, checked_source, import_offers, read_offer_file
from metnum_site.database_busy import BUSY_MESSAGE, is_database_busy

# Exit statuses (docs/import.md): 0 everything imported, 1 some rows rejected (the others imported),
# 2 file refused, 3 another import of the source is running, 4 the database stayed locked (SQLite).
ROWS_REJECTED, FILE_REFUSED, IMPORT_RUNNING, DATABASE_BUSY = 1, 2, 3, 4


class Command(BaseCommand):
    help = (
        "Importe des offres depuis un fichier CSV (séparateur « , » ou « ; », UTF-8) ou JSON Lines. "
        f"Colonnes : {', '.join(COLUMNS)} ; obligatoires : {', '.join(REQUIRED_COLUMNS)} et apply_url ou "
        "apply_email. Statut de sortie : 0 tout est importé, 1 des lignes sont rejetées, 2 fichier refusé, "
        "3 une autre importation de la même source est en cours, 4 base de données occupée."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="Fichier CSV ou JSON Lines (.jsonl, une offre par ligne).")
        parser.add_argument(
            "--source", required=True, help="Nom du système d'origine (ex. : csp, talentsoft) ; clé des mises à jour."
        )
        parser.add_argument("--dry-run", action="store_true", help="Tout vérifier sans rien enregistrer.")
        parser.add_argument("--draft", action="store_true", help="Enregistrer en brouillon au lieu de publier.")
        parser.add_argument(
            "--close-missing",
            action="store_true",
            help="Dépublier les offres de cette source absentes du fichier (les autres sources ne changent pas).",
        )

    def handle(self, *args, **options):
        try:
            result = self.run(options)
        except ImportFileError as error:
            raise CommandError(f"Fichier refusé, rien n'a été enregistré. {error}", returncode=FILE_REFUSED) from error
        except ImportRunning as error:
            raise CommandError(str(error), returncode=IMPORT_RUNNING) from error
        except OperationalError as error:
            if not is_database_busy(error):
                raise
            raise CommandError(
                f"{BUSY_MESSAGE} L'importation s'est arrêtée : chaque offre déjà enregistrée l'est entièrement ; "
                "relancez le même fichier pour importer les autres.",
                returncode=DATABASE_BUSY,
            ) from error

        for error in result.errors:
            self.stderr.write(f"Rejetée : {error}")
        summary = result.summary()
        if result.rejected:
            self.stdout.write(summary)
            plural = "s" if result.rejected > 1 else ""
            others = "les autres seraient importées" if result.dry_run else "les autres sont importées"
            raise CommandError(
                f"{result.rejected} ligne{plural} rejetée{plural} (détail ci-dessus) ; {others}.",
                returncode=ROWS_REJECTED,
            )
        self.stdout.write(self.style.SUCCESS(summary))

    def run(self, options):
        def run_import():
            rows = read_offer_file(options["file"])
            return import_offers(
                rows,
                options["source"],
                draft=options["draft"],
                dry_run=options["dry_run"],
                close_missing=options["close_missing"],
            )

        if options["dry_run"]:  # writes nothing: may run beside an import
            return run_import()
        with source_lock(checked_source(options["source"])):
            return run_import()
