"""How the commands that write offers through the importer (`import_offers`, and the intake's
`intake`) end: their exit statuses (docs/import.md) and the messages of a run that could not finish.

    0 everything imported      1 some rows rejected (the others imported)    2 file refused
    3 another import of the source is running                               4 the database stayed locked (SQLite)
"""

from contextlib import contextmanager

from django.core.management.base import CommandError
from django.db import OperationalError

from metnum_site.database_busy import BUSY_MESSAGE, is_database_busy

from .import_lock import ImportRunning
from .importer import ImportFileError

ROWS_REJECTED, FILE_REFUSED, IMPORT_RUNNING, DATABASE_BUSY = 1, 2, 3, 4
EXIT_STATUSES_HELP = (
    "Statut de sortie : 0 tout est importé, 1 des offres sont rejetées, 2 fichier refusé, "
    "3 une autre importation de la même source est en cours, 4 base de données occupée."
)


@contextmanager
def stopped_runs_as_command_errors(stopped):
    """Turn a refused file, a running import of the same source and a locked database into a
    CommandError with its exit status. `stopped` says what to do after the database stayed locked
    (« L'importation s'est arrêtée : … »)."""
    try:
        yield
    except ImportFileError as error:
        raise CommandError(f"Fichier refusé, rien n'a été enregistré. {error}", returncode=FILE_REFUSED) from error
    except ImportRunning as error:
        raise CommandError(str(error), returncode=IMPORT_RUNNING) from error
    except OperationalError as error:
        if not is_database_busy(error):
            raise
        raise CommandError(f"{BUSY_MESSAGE} {stopped}", returncode=DATABASE_BUSY) from error
