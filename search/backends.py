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

Both indexers follow the same rule for what is "title": the title field and the fields boosted to
TITLE_BOOST or more (the offer's skills), so skills rank like the title on both databases.
"""

from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Manager
from django.utils.encoding import force_str
from modelsearch.index import AutocompleteField, RelatedFields, SearchField
from modelsearch.query import PlainText

from .text import surface_words

TITLE_BOOST = 3
POSTGRES_SEARCH_CONFIG = "french_unaccent"
NO_WORD = "__"  # what a text without any word searches for: no index entry holds it


def words_only(query):
    """A typed text as the engine should get it: its words. Wagtail hands FTS5 each term quoted but
    not escaped (a typed quote ended the string), and its PostgreSQL compiler fails on a text with no
    word when fields are given (and matches everything when they are not)."""
    if not isinstance(query, PlainText):
        return query
    words = " ".join(surface_words(query.query_string)) or NO_WORD
    return PlainText(words, operator=query.operator, boost=query.boost)


@dataclass
class IndexedTexts:
    """What the index stores for one object: title-grade texts (the title and the fields boosted to
    TITLE_BOOST or more), body texts with their boost, autocomplete texts."""

    title: list = field(default_factory=list)
    body: list = field(default_factory=list)  # (text, boost)
    autocomplete: list = field(default_factory=list)

    @property
    def title_text(self):
        return " ".join(self.title)

    @property
    def body_text(self):
        return " ".join(text for text, _ in self.body)


def indexed_texts(obj):
    """The IndexedTexts of an indexed object, from its search_fields."""
    texts = IndexedTexts()

    def walk(instance, fields, related=False):
        for search_field in fields:
            if isinstance(search_field, RelatedFields):
                value = search_field.get_value(instance)
                for item in value.all() if isinstance(value, Manager) else [value]:
                    if item is not None:
                        walk(item, search_field.fields, related=True)
                continue
            value = search_field.get_value(instance)
            if value is None:
                continue
            text = ", ".join(map(force_str, value)) if isinstance(value, (list, tuple)) else force_str(value)
            if not text.strip():
                continue
            if isinstance(search_field, AutocompleteField):
                texts.autocomplete.append(text)
            elif isinstance(search_field, SearchField):
                boost = search_field.boost or 0
                if (search_field.field_name == "title" and not related) or boost >= TITLE_BOOST:
                    texts.title.append(text)
                else:
                    texts.body.append((text, search_field.boost))

    walk(obj, obj.get_search_fields())
    return texts


def SearchBackend(params):
    if connection.vendor == "sqlite":
        # Imported here: modelsearch's SQLite module only loads when the database is SQLite.
        from modelsearch.backends.database import SearchBackend as database_backend
        from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchBackend

        from .sqlite_backend import FrenchSQLiteSearchBackend

        backend = database_backend(params)
        return FrenchSQLiteSearchBackend(params) if isinstance(backend, SQLiteSearchBackend) else backend
    if connection.vendor == "postgresql":
        from .postgres_backend import FrenchPostgresSearchBackend

        return FrenchPostgresSearchBackend({"SEARCH_CONFIG": POSTGRES_SEARCH_CONFIG, **params})
    from modelsearch.backends.database import SearchBackend as database_backend

    return database_backend(params)
