"""The Wagtail search backend of the project (WAGTAILSEARCH_BACKENDS["default"]): Wagtail's database
backend (the `modelsearch` package), made French on both databases.

- PostgreSQL: Wagtail's PostgreSQL backend as it is, with SEARCH_CONFIG = "french_unaccent" (the
  French stemmer after unaccent; created by search/migrations/0001).
- SQLite (search/sqlite_backend.py): FTS5 has no French stemmer and Python cannot give it a tokenizer,
  so the backend stores the title and body already analysed by search.text.analyse() (folded, elided,
  without stop words, light-stemmed) and analyses the words of every query the same way. Fields whose
  boost is at least TITLE_BOOST (the offer's skills) are stored with the title: they count as title.

The same rule holds on PostgreSQL without a custom indexer: Wagtail gives boost 3 fields the weight
A, so the offer engine reads "title-grade" text as the title vector plus the A lexemes of the body.
"""

from django.db import connection
from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField

TITLE_BOOST = 3
POSTGRES_SEARCH_CONFIG = "french_unaccent"


def document_texts(obj):
    """(title, body, autocomplete) texts of an indexed object, from its search_fields."""
    title, body, autocomplete = [], [], []

    def walk(instance, fields, related=False):
        for field in fields:
            if isinstance(field, RelatedFields):
                value = field.get_value(instance)
                values = value.all() if isinstance(value, Manager) else [value]
                for item in values:
                    if item is not None:
                        walk(item, field.fields, related=True)
                continue
            value = field.get_value(instance)
            if value is None:
                continue
            text = ", ".join(map(force_str, value)) if isinstance(value, (list, tuple)) else force_str(value)
            if isinstance(field, AutocompleteField):
                autocomplete.append(text)
            elif isinstance(field, SearchField):
                titled = (field.field_name == "title" and not related) or (field.boost or 0) >= TITLE_BOOST
                (title if titled else body).append(text)

    walk(obj, obj.get_search_fields())
    return " ".join(title), " ".join(body), " ".join(autocomplete)


def SearchBackend(params):
    if connection.vendor == "sqlite":
        # Imported here: modelsearch's SQLite module only loads when the database is SQLite.
        from modelsearch.backends.database import SearchBackend as database_backend
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite_backend import FrenchSQLiteSearchBackend

        backend = database_backend(params)
        return FrenchSQLiteSearchBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
    if connection.vendor == "postgresql":
        from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend

        return PostgresSearchBackend({"SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG, **params})
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)
