"""The Wagtail search backend of the project (WAGTAILSEARCH_BACKENDS["default"]): Wagtail's database
backend (the `modelsearch` package), made French on both databases.

- PostgreSQL (search/postgres_backend.py): Wagtail's PostgreSQL backend with SEARCH_CONFIG =
  "french_unaccent" (the French stemmer after unaccent; created by search/migrations/0001), and a
  faster indexer: one INSERT per chunk where PostgreSQL builds the vectors from plain texts, instead
  of one SQL expression tree per field built in Python (100 000 offers: minutes instead of tens).
- SQLite (search/sqlite_backend.py): FTS5 has no French stemmer and Python cannot give it a tokenizer,
  so the backend stores the title and body already analysed by search.text.analyse() (folded, elided,
  without stop words, light-stemmed) and analyses the words of every query the same way. Fields whose
  boost is at least TITLE_BOOST (the offer's skills) are stored with the title: they count as title.

What both store, and how typed words reach them, is in search/index_texts.py.
"""

from django.db import connection

from metnum_site.upstream import sqlite_parts

from .index_texts import POSTGRES_SEARCH_CONFIG


def SearchBackend(params):
    if connection.vendor == "sqlite":
        # Imported here: modelsearch's SQLite module only loads when the database is SQLite.
        from modelsearch.backends.database import SearchBackend as database_backend

        from .sqlite_backend import FrenchSQLiteSearchBackend

        backend = database_backend(params)
        return FrenchSQLiteSearchBackend(params) if isinstance(backend, sqlite_parts().Backend) else backend
    if connection.vendor == "postgresql":
        from .postgres_backend import FrenchPostgresSearchBackend

        return FrenchPostgresSearchBackend({"SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG, **params})
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)
