"""Wagtail's SQLite FTS5 backend storing French-analysed text (see search/backends.py). Only
importable when the database is SQLite."""

from django.utils.encoding import force_str
from modelsearch.query import Phrase, PlainText

from metnum_site.upstream import content_type_pk, entries_of, refresh_title_norms, sqlite_parts

from .index_texts import CORE_MARK, NO_WORD, indexed_texts, words_only
from .text import analyse, fold, tokens

modelsearch = sqlite_parts()


def core_tokens(text):
    return " ".join(CORE_MARK + token for token in tokens(text))


class FrenchSQLiteIndex(modelsearch.Index):
    def add_items(self, model, objs):
        if not model.get_search_fields():
            return
        entries = {}
        for obj in objs:
            texts = indexed_texts(obj)
            entries[force_str(obj.pk)] = {
                "title": analyse(texts.title_text),
                "body": f"{analyse(texts.body_text)} {core_tokens(texts.core_text)}".strip(),
                "autocomplete": texts.autocomplete_text,
            }
        if not entries:
            return
        content_type = content_type_pk(model)
        rows = entries_of(self)
        existing = rows.filter(content_type_id=content_type)
        indexed = set(existing.filter(object_id__in=entries).values_list("object_id", flat=True))
        for object_id in indexed:
            existing.filter(object_id=object_id).update(**entries[object_id])
        rows.bulk_create(
            [
                rows.model(content_type_id=content_type, object_id=object_id, **values)
                for object_id, values in entries.items()
                if object_id not in indexed
            ],
            batch_size=500,
        )
        refresh_title_norms(self)


class FrenchSQLiteQueryCompiler(modelsearch.QueryCompiler):
    def build_search_query_content(self, query, config=None):
        if isinstance(query, PlainText):
            # A text of stop words only ("le") matches nothing rather than failing.
            analysed = " ".join(tokens(query.query_string)) or NO_WORD
            query = PlainText(analysed, operator=query.operator, boost=query.boost)
        elif isinstance(query, Phrase):
            query = Phrase(" ".join(tokens(query.query_string)) or NO_WORD)
        return super().build_search_query_content(query, config=config)


class FrenchSQLiteAutocompleteCompiler(modelsearch.AutocompleteCompiler):
    def build_search_query_content(self, query, config=None):
        return super().build_search_query_content(words_only(query, fold), config=config)


class FrenchSQLiteSearchBackend(modelsearch.Backend):
    index_class = FrenchSQLiteIndex
    query_compiler_class = FrenchSQLiteQueryCompiler
    autocomplete_query_compiler_class = FrenchSQLiteAutocompleteCompiler
