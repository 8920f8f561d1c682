"""manage.py search_index rebuild | status | sync | synonyms | vocabulary | delete

With ELASTICSEARCH_URL: manages the Elasticsearch offer index (search/es.py). Without it: says so and
does the equivalent on the database engine, Wagtail's database search index of offers
(search/indexing.py). On PostgreSQL, `status` and `sync` also check and repair the offers' search
documents, with either engine. Run `sync` daily (see docs/search.md): it also rebuilds the spelling
vocabulary of "Vouliez-vous dire" (search/spelling.py), which `vocabulary` rebuilds alone.
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from search import es, indexing, spelling

NO_CLUSTER = "ELASTICSEARCH_URL est vide : la recherche passe par la base de données ({vendor})."


class Command(BaseCommand):
    help = "Gère l'index de recherche des offres : rebuild, status, sync, synonyms, vocabulary, delete."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rebuild", "status", "sync", "synonyms", "vocabulary", "delete"])

    def handle(self, action, **options):
        if action in ("sync", "vocabulary"):
            words = spelling.refresh_vocabulary()
            self.stdout.write(f"Vocabulaire de « Vouliez-vous dire » reconstruit : {words} mots des offres ouvertes.")
            if action == "vocabulary":
                return
        if settings.ELASTICSEARCH_URL:
            try:
                getattr(self, f"elasticsearch_{action}")(es.get_client())
            except CommandError:
                raise
            except Exception as error:
                raise CommandError(f"Elasticsearch ({settings.ELASTICSEARCH_URL}) : {error}") from error
        else:
            self.stdout.write(NO_CLUSTER.format(vendor=connection.vendor))
            getattr(self, f"database_{action}")()
        if action == "sync":
            self.pending_sync()
        if action in ("status", "sync") and connection.vendor == "postgresql":
            getattr(self, f"documents_{action}")()

    # Both engines: offers changed whose index write has not been done ----------------------------------

    def pending_note(self):
        """The pending count, after a line explaining it when there are some."""
        count, oldest = indexing.pending_status()
        if count:
            since = timezone.localtime(oldest).strftime("%d/%m/%Y à %H:%M:%S")
            self.stdout.write(
                f"Offres modifiées pas encore réindexées : {count}, la plus ancienne depuis le {since} "
                "(normal pendant un import ou une tâche d'indexation ; sinon, un processus a été arrêté "
                "avant d'écrire l'index)."
            )
        return count

    def pending_sync(self):
        written, failed = indexing.sync_pending()
        self.stdout.write(f"Offres modifiées pas encore réindexées : {written} réindexées.")
        if failed:
            raise CommandError(
                f"{failed} offres modifiées n'ont pas pu être écrites dans Elasticsearch : "
                "elles restent en attente, relancez `search_index sync`."
            )

    # Elasticsearch ----------------------------------------------------------------------------------

    def elasticsearch_rebuild(self, client):
        name, loaded, old = es.rebuild(client)
        self.stdout.write(f"Index {name} créé avec {loaded} offres ouvertes ; alias {es.alias_name()} basculé.")
        if old:
            self.stdout.write(f"Ancien index supprimé : {', '.join(old)}.")

    def elasticsearch_status(self, client):
        report = es.status(client)
        if not report["indices"]:
            self.stdout.write(f"Aucun index derrière l'alias {report['alias']} : lancez `search_index rebuild`.")
            return
        self.stdout.write(
            f"Alias {report['alias']} → {', '.join(report['indices'])}\n"
            f"Documents : {report['documents']} ; offres ouvertes en base : {report['open_offers']}"
        )
        pending = self.pending_note()
        drift = len(report["missing"]) + len(report["extra"]) + pending
        self.stdout.write(
            f"Écart : {drift} ({len(report['missing'])} à indexer, {len(report['extra'])} à retirer, "
            f"{pending} à réindexer)"
        )
        if drift:
            self.stdout.write("`search_index sync` corrige l'écart.")

    def elasticsearch_sync(self, client):
        indexed, deleted = es.sync(client)
        self.stdout.write(f"Synchronisation : {indexed} offres indexées, {deleted} documents retirés.")

    def elasticsearch_synonyms(self, client):
        indices = es.update_synonyms(client)
        if not indices:
            raise CommandError("Aucun index : lancez `search_index rebuild`.")
        self.stdout.write(f"Synonymes de l'administration appliqués à {', '.join(indices)} (sans réindexation).")

    def elasticsearch_delete(self, client):
        indices = es.current_indices(client)
        es.delete_all(client)
        self.stdout.write(f"Index supprimés : {', '.join(indices) or 'aucun'}.")

    # PostgreSQL, either engine (the database engine is Elasticsearch's fallback) ------------------------

    def documents_status(self):
        stale, orphans = indexing.documents_out_of_step()
        self.stdout.write(f"Documents de recherche de PostgreSQL à réécrire : {len(stale)} ; en trop : {orphans}.")
        if stale or orphans:
            self.stdout.write("`search_index sync` les corrige.")

    def documents_sync(self):
        rewritten, dropped = indexing.documents_sync()
        self.stdout.write(f"Documents de recherche de PostgreSQL réécrits : {rewritten} ; retirés : {dropped}.")

    # Database ---------------------------------------------------------------------------------------

    def database_rebuild(self):
        indexed, removed = indexing.database_rebuild()
        self.stdout.write(
            f"Index de recherche de Wagtail reconstruit pour les offres : {indexed} offres indexées, "
            f"{removed} entrées d'offres supprimées retirées."
        )

    def database_status(self):
        report = indexing.database_status()
        self.stdout.write(
            f"Offres ouvertes : {report['open_offers']} (filtrées à chaque recherche par JobOffer.objects.open())\n"
            f"Offres : {report['offers']} ; entrées dans l'index de Wagtail : {report['entries']}"
        )
        pending = self.pending_note()
        self.stdout.write(
            f"Écart : {len(report['missing'])} offres sans entrée, {report['orphans']} entrées d'offres "
            f"supprimées, {pending} offres modifiées à réindexer"
        )
        if report["missing"] or report["orphans"] or pending:
            self.stdout.write("`search_index sync` corrige l'écart.")

    def database_sync(self):
        indexed, removed = indexing.database_sync()
        self.stdout.write(
            f"Synchronisation de l'index de Wagtail : {indexed} offres indexées, {removed} entrées retirées."
        )

    def database_synonyms(self):
        self.stdout.write("Rien à faire : le moteur base de données relit les synonymes à chaque recherche.")

    def database_delete(self):
        self.stdout.write("Rien à supprimer : l'index de la base de données suit les offres.")
