"""The throwaway database a benchmark runs in."""

import contextlib
import os
import tempfile
from urllib.parse import urlsplit, urlunsplit


@contextlib.contextmanager
def throwaway_database(name, keep=False):
    """Yields the DATABASE_URL of a fresh database: `name` beside DATABASE_URL's database on PostgreSQL
    (dropped afterwards unless `keep`), else a temporary SQLite file."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        with tempfile.TemporaryDirectory() as directory:
            yield f"sqlite:///{directory}/{name}.sqlite3"
        return
    import psycopg

    parts = urlsplit(url)
    admin_url = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        yield urlunsplit(parts._replace(path="/" + name))
    finally:
        from django.db import connections

        connections.close_all()
        if not keep:
            with psycopg.connect(admin_url, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
