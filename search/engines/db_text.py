"""Full-text matching of the database engine on Wagtail's search index (see search/backends.py):
a TextQuery (search/text.py) becomes a filter on JobOffer and a relevance tier.

Tiers: 3 = the whole text is a phrase of the title, 2 = every clause matches the title (title-grade:
title and skills), 1 = some word of the text or of its synonyms is in the title, 0 = body only.
"""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Case, F, IntegerField, Lookup, Q, Value, When
from django.db.models.expressions import CombinedExpression

from jobs.models import JobOffer
from metnum_site.upstream import sqlite_fts_entry_model

from ..index_texts import POSTGRES_SEARCH_CONFIG
from ..text import surface_words

TIER_PHRASE_IN_TITLE, TIER_ALL_IN_TITLE, TIER_SOME_IN_TITLE = 3, 2, 1


def text_dialect():
    if connection.vendor == "postgresql":
        return PostgresText()
    if connection.vendor == "sqlite":
        return SQLiteText()
    raise NotImplementedError(f"La recherche d'offres ne gère pas la base {connection.vendor}.")


class PostgresText:
    """Full text on Wagtail's PostgreSQL index entries (tsvectors in the french_unaccent configuration).
    An alternative needs all its words (plainto_tsquery), alternatives are OR'ed, clauses AND'ed.
    The match is on `title || body`, the expression our GIN index covers."""

    config = POSTGRES_SEARCH_CONFIG

    def phrase(self, text):
        return SearchQuery(text, search_type="phrase", config=self.config)

    def words(self, text):
        return SearchQuery(text, search_type="plain", config=self.config)

    def tsquery(self, text_query):
        clauses = []
        for clause in text_query.clauses:
            alternatives = [self.words(alternative.text) for alternative in clause.alternatives]
            clauses.append(reduce(operator.or_, alternatives))
        return reduce(operator.and_, clauses)

    def any_word(self, text_query):
        words = {
            word for clause in text_query.clauses for alt in clause.alternatives for word in surface_words(alt.text)
        }
        return reduce(operator.or_, [self.words(word) for word in sorted(words)])

    def filter(self, queryset, text_query):
        if not text_query:
            return queryset.none()
        vector = CombinedExpression(
            F("index_entries__title"), "||", F("index_entries__body"), output_field=SearchVectorField()
        )
        return queryset.annotate(_text=vector).filter(_text=self.tsquery(text_query))

    def tier(self, text_query):
        title = F("index_entries__title")  # title-grade: the title and the skills (search/backends.py)
        return Case(
            When(Q(VectorMatch(title, self.phrase(text_query.phrase.text))), then=Value(TIER_PHRASE_IN_TITLE)),
            When(Q(VectorMatch(title, self.tsquery(text_query))), then=Value(TIER_ALL_IN_TITLE)),
            When(Q(VectorMatch(title, self.any_word(text_query))), then=Value(TIER_SOME_IN_TITLE)),
            default=Value(0),
            output_field=IntegerField(),
        )


class VectorMatch(Lookup):
    """tsvector @@ tsquery between two expressions."""

    lookup_name = "vector_match"

    def __init__(self, vector, query):
        super().__init__(vector, query)

    def as_sql(self, compiler, connection):
        lhs, lhs_params = compiler.compile(self.lhs)
        rhs, rhs_params = compiler.compile(self.rhs)
        return f"{lhs} @@ {rhs}", [*lhs_params, *rhs_params]


class FTSMatch(Lookup):
    """`<fts table> MATCH '<query>'` on Wagtail's SQLite FTS5 table."""

    lookup_name = "fts_match"

    def __init__(self, table, fts_query):
        self.table = table
        super().__init__(Value(fts_query), Value(fts_query))

    def as_sql(self, compiler, connection):
        return f"{self.table} MATCH %s", [self.rhs.value]


class SQLiteText:
    """Full text on Wagtail's SQLite FTS5 table, whose title and body hold analysed tokens (see
    search/backends.py). An alternative needs all its tokens, alternatives are OR'ed, clauses AND'ed."""

    def fts_model(self):
        return sqlite_fts_entry_model()

    def any_word(self, text_query):
        tokens = {token for clause in text_query.clauses for alt in clause.alternatives for token in alt.tokens}
        return " OR ".join(f'"{token}"' for token in sorted(tokens))

    def expression(self, text_query):
        clauses = []
        for clause in text_query.clauses:
            alternatives = dict.fromkeys(
                " AND ".join(f'"{token}"' for token in alternative.tokens) for alternative in clause.alternatives
            )
            clauses.append("(" + " OR ".join(f"({alternative})" for alternative in alternatives) + ")")
        return " AND ".join(clauses)

    def matching_ids(self, columns, expression):
        """Ids of the offers matching, as a subquery. The FTS5 match is its own inner subquery so that
        SQLite runs it once, instead of once per index entry of the content type."""
        model = self.fts_model()
        match = FTSMatch(model._meta.db_table, "{" + " ".join(columns) + "} : (" + expression + ")")
        return model.index_entry.field.related_model.objects.filter(
            content_type=ContentType.objects.get_for_model(JobOffer),
            pk__in=model.objects.filter(match).values("pk"),
        ).values("object_id")

    def filter(self, queryset, text_query):
        if not text_query:
            return queryset.none()
        return queryset.filter(pk__in=self.matching_ids(["title", "body"], self.expression(text_query)))

    def tier(self, text_query):
        phrase = '"' + " ".join(text_query.phrase.tokens) + '"'
        return Case(
            When(pk__in=self.matching_ids(["title"], phrase), then=Value(TIER_PHRASE_IN_TITLE)),
            When(pk__in=self.matching_ids(["title"], self.expression(text_query)), then=Value(TIER_ALL_IN_TITLE)),
            When(pk__in=self.matching_ids(["title"], self.any_word(text_query)), then=Value(TIER_SOME_IN_TITLE)),
            default=Value(0),
            output_field=IntegerField(),
        )
