"""Wagtail's PostgreSQL backend with a bulk indexer (see search/backends.py)."""

from collections import defaultdict

from django.utils.encoding import force_str

from metnum_site.upstream import (
    body_weight,
    content_type_pk,
    entries_of,
    postgres_parts,
    search_config_of,
    write_connection_of,
)

from .index_texts import TITLE_BOOST, indexed_texts, words_only
from .text import fold, one_form_text

WEIGHTS = "ABCD"
modelsearch = postgres_parts()


class BulkPostgresIndex(modelsearch.Index):
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
                by_weight[body_weight(boost)].append(one_form_text(text))
            rows["object_id"].append(force_str(obj.pk))
            rows["title"].append(one_form_text(texts.title_text))
            rows["title_text"].append(texts.title_text)
            rows["autocomplete"].append(texts.autocomplete_text)
            for weight in WEIGHTS:
                rows[f"body_{weight}"].append(" ".join(by_weight[weight]))
        if not rows:
            return
        columns = ["object_id", "title", "title_text", "autocomplete", *(f"body_{weight}" for weight in WEIGHTS)]
        body = " || ".join(f"setweight(to_tsvector(%(config)s::regconfig, v.body_{w}), '{w}')" for w in WEIGHTS)
        table = entries_of(self).model._meta.db_table
        # title_norm is Wagtail's "average title length / this title's length" (what its own search
        # ranks with), over the table as it is once the chunk is written. Wagtail writes 1.0 then
        # updates those rows: every row written twice, an index table twice its size, and twice as
        # many pages for each text search to read. Here each row is written once, with its norm.
        sql = f"""
            WITH chunk AS (
                SELECT v.object_id,
                       setweight(to_tsvector(%(config)s::regconfig, v.title), '{body_weight(TITLE_BOOST)}') AS title,
                       setweight(to_tsvector('simple', v.autocomplete), 'D') AS autocomplete,
                       {body} AS body, v.title_text
                FROM unnest({", ".join(f"%({column})s::text[]" for column in columns)}) AS v({", ".join(columns)})
            ), average AS (
                SELECT AVG(n)::double precision AS n FROM (
                    SELECT length(e.title) AS n FROM {table} AS e
                    WHERE NOT EXISTS (
                        SELECT 1 FROM chunk WHERE e.content_type_id = %(content_type)s AND e.object_id = chunk.object_id
                    )
                    UNION ALL SELECT length(title) FROM chunk
                ) AS lengths WHERE n > 0
            )
            INSERT INTO {table}
                (content_type_id, object_id, title, autocomplete, body, title_norm, title_text, body_text)
            SELECT %(content_type)s, object_id, title, autocomplete, body,
                   CASE WHEN length(title) > 0 THEN (SELECT n FROM average) / length(title) ELSE 1.0 END,
                   title_text, ''
            FROM chunk
            ON CONFLICT (content_type_id, object_id) DO UPDATE SET
                title = EXCLUDED.title, title_norm = EXCLUDED.title_norm, autocomplete = EXCLUDED.autocomplete,
                body = EXCLUDED.body, title_text = EXCLUDED.title_text, body_text = EXCLUDED.body_text
        """
        params = {column: rows[column] for column in columns}
        params.update(content_type=content_type_pk(model), config=search_config_of(self) or "simple")
        with write_connection_of(self).cursor() as cursor:
            cursor.execute(sql, params)


class WordsOnlyQueryCompiler(modelsearch.QueryCompiler):
    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(words_only(query, one_form_text), config=config, invert=invert)


class WordsOnlyAutocompleteCompiler(modelsearch.AutocompleteCompiler):
    """The autocomplete vectors hold folded titles (no accents): the typed text is folded too."""

    def build_tsquery_content(self, query, config=None, invert=False):
        return super().build_tsquery_content(words_only(query, fold), config=config, invert=invert)


class FrenchPostgresSearchBackend(modelsearch.Backend):
    index_class = BulkPostgresIndex
    query_compiler_class = WordsOnlyQueryCompiler
    autocomplete_query_compiler_class = WordsOnlyAutocompleteCompiler
