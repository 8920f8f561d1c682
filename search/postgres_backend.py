"""Wagtail's PostgreSQL backend with a bulk indexer (see search/backends.py)."""

from collections import defaultdict

from django.utils.encoding import force_str
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresIndex,
    PostgresSearchBackend,
    PostgresSearchQueryCompiler,
)
from modelsearch.backends.database.postgres.weights import get_weight
from modelsearch.utils import get_content_type_pk

from .backends import TITLE_BOOST, indexed_texts, words_only

WEIGHTS = "ABCD"


class BulkPostgresIndex(PostgresIndex):
    """Same columns as Wagtail's indexer (title, body and autocomplete vectors, weights from the field
    boosts), written with one statement per chunk. The plain-text mirror of the body, which only
    Wagtail's fuzzy search reads, is left empty: it doubled the size of every index row, and every
    broad text search reads those rows."""

    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        rows = defaultdict(list)
        for obj in objs:
            texts = indexed_texts(obj)
            by_weight = defaultdict(list)
            for text, boost in texts.body:
                by_weight[get_weight(boost)].append(text)
            rows["object_id"].append(force_str(obj.pk))
            rows["title"].append(texts.title_text)
            rows["autocomplete"].append(" ".join(texts.autocomplete))
            for weight in WEIGHTS:
                rows[f"body_{weight}"].append(" ".join(by_weight[weight]))
        if not rows:
            return
        columns = ["object_id", "title", "autocomplete", *(f"body_{weight}" for weight in WEIGHTS)]
        body = " || ".join(f"setweight(to_tsvector(%(config)s::regconfig, v.body_{w}), '{w}')" for w in WEIGHTS)
        sql = f"""
            INSERT INTO {self.entries.model._meta.db_table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %(content_type)s, v.object_id,
                   setweight(to_tsvector(%(config)s::regconfig, v.title), '{get_weight(TITLE_BOOST)}'),
                   setweight(to_tsvector('simple', v.autocomplete), 'D'),
                   {body}, 1.0, v.title, ''
            FROM unnest({", ".join(f"%({column})s::text[]" for column in columns)}) AS v({", ".join(columns)})
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET
                title = EXCLUDED.title, title_norm = 1.0, autocomplete = EXCLUDED.autocomplete,
                body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
        """
        params = {column: rows[column] for column in columns}
        params.update(content_type=get_content_type_pk(model), config=self.backend.config or "simple")
        with self.write_connection.cursor() as cursor:
            cursor.execute(sql, params)
        self._refresh_title_norms()


class WordsOnlyQueryCompiler(PostgresSearchQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(words_only(query), config=config, invert=invert)


class WordsOnlyAutocompleteCompiler(PostgresAutocompleteQueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(words_only(query), config=config, invert=invert)


class FrenchPostgresSearchBackend(PostgresSearchBackend):
    index_class = BulkPostgresIndex
    query_compiler_class = WordsOnlyQueryCompiler
    autocomplete_query_compiler_class = WordsOnlyAutocompleteCompiler
