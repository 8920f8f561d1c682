import gc

from django.core.management.base import BaseCommand, CommandError

from jobs.import_exits import EXIT_STATUSES_HELP, ROWS_REJECTED, stopped_runs_as_command_errors
from jobs.import_lock import source_lock
from jobs.importer import COLUMNS, REQUIRED_COLUMNS, checked_source, import_offers, read_offer_file


class Command(BaseCommand):
    help = (
        "Importe des offres depuis un fichier CSV (séparateur « , » ou « ; », UTF-8) ou JSON Lines. "
        f"Colonnes : {', '.join(COLUMNS)} ; obligatoires : {', '.join(REQUIRED_COLUMNS)} et apply_url ou "
        f"apply_email. {EXIT_STATUSES_HELP}"
    )
    # The system checks load the whole URLconf (7 MB of a 150 MB budget, docs/benchmarks.md) that an
    # import never reads; `manage.py check` runs them in CI and at each deployment.
    requires_system_checks = []

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
        with stopped_runs_as_command_errors(
            "L'importation s'est arrêtée : chaque offre déjà enregistrée l'est entièrement ; "
            "relancez le même fichier pour importer les autres."
        ):
            result = self.run(options)

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
            # What is loaded so far lives until the import ends: out of the collector's sight, the
            # collection after each batch (jobs/importer.py) reads only what the import made (about
            # a quarter of the import's time otherwise). Garbage is collected first, and everything
            # thawed at the end, for a process that goes on after the command (the tests).
            gc.collect()
            gc.freeze()
            try:
                rows = read_offer_file(options["file"])
                return import_offers(
                    rows,
                    options["source"],
                    draft=options["draft"],
                    dry_run=options["dry_run"],
                    close_missing=options["close_missing"],
                )
            finally:
                gc.unfreeze()

        if options["dry_run"]:  # writes nothing: may run beside an import
            return run_import()
        with source_lock(checked_source(options["source"])):
            return run_import()
