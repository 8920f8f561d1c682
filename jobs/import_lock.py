"""One import at a time per source: a second import of the same source is refused, imports of other
sources go on.

PostgreSQL: a session advisory lock keyed by the source. SQLite: an exclusive flock on a file beside
the database (an SQLite database is always on the machine that writes it). Both belong to the
process: when an import dies, even by kill -9, the server or the kernel releases its lock, so no
stale lock is ever left to clean up.
"""

import fcntl
import hashlib
import tempfile
from contextlib import contextmanager
from pathlib import Path

from django.db import connection


class ImportRunning(Exception):
    """Another import of the source holds the lock. Message in French."""

    def __init__(self, source):
        super().__init__(
            f"Une importation de la source « {source} » est déjà en cours : celle-ci est refusée et rien "
            "n'a été enregistré. Relancez-la une fois l'autre terminée."
        )


@contextmanager
def source_lock(source):
    """Hold the import lock of `source` inside the block, or raise ImportRunning at once."""
    if connection.vendor == "postgresql":
        with _advisory_lock(source):
            yield
    else:
        with _file_lock(source):
            yield


@contextmanager
def _advisory_lock(source):
    digest = hashlib.blake2b(f"metnum.import_offers:{source}".encode(), digest_size=8).digest()
    key = int.from_bytes(digest, "big", signed=True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [key])
        if not cursor.fetchone()[0]:
            raise ImportRunning(source)
    try:
        yield
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_unlock(%s)", [key])


@contextmanager
def _file_lock(source):
    with lock_file_path(source).open("a") as file:
        try:
            fcntl.flock(file, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise ImportRunning(source) from None
        yield  # closing the file releases the lock (the files stay: removing them would race)


def lock_file_path(source):
    """var/metnum.sqlite3-import-csp.lock beside the database; in the temporary folder for a
    database in memory."""
    name = str(connection.settings_dict["NAME"])
    if name.startswith("file:") or name == ":memory:":
        folder, stem = Path(tempfile.gettempdir()), "metnum-memory"
    else:
        folder, stem = Path(name).parent, Path(name).name
    return folder / f"{stem}-import-{source}.lock"
