from django.core.management.base import BaseCommand, CommandError

from jobs.import_exits import EXIT_STATUSES_HELP, ROWS_REJECTED, stopped_runs_as_command_errors

from ...adapters import ADAPTERS
from ...runs import collect


class Command(BaseCommand):
    help = (
        "Collecte les offres du numérique d'une source (docs/intake.md) et les importe par l'importeur des "
        "offres. Sources : "
        + ", ".join(f"{kind} ({adapter.label})" for kind, adapter in ADAPTERS.items())
        + f". {EXIT_STATUSES_HELP}"
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
        with stopped_runs_as_command_errors(
            "La collecte s'est arrêtée : chaque offre déjà enregistrée l'est entièrement ; relancez-la."
        ):
            _, report = collect(
                options["kind"],
                options["file"],
                dry_run=options["dry_run"],
                draft=options["draft"],
                close_missing=options["close_missing"],
            )

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
