"""Full-text matching of the database engine on Wagtail's search index (see search/backends.py):
a TextQuery (search/text.py) becomes a filter on JobOffer and a relevance score (search/ranking.py).
"""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import Case, F, Func, IntegerField, Lookup, Q, Value, When
from django.db.models.expressions import CombinedExpression

from jobs.models import JobOffer
from metnum_site.upstream import body_weight, sqlite_fts_entry_model

from ..index_texts import CORE_BOOST, CORE_MARK, POSTGRES_SEARCH_CONFIG
from ..ranking import MAX_SCORED_CLAUSES, PHRASE_IN_TITLE_BONUS, WEIGHT_CONTEXT, WEIGHT_CORE, WEIGHT_TITLE
from ..text import one_form_text


def score(text_query, in_title, in_core, phrase_in_title):
    """The ranking.py score as an SQL expression, from the dialect's conditions on one clause (or phrase)."""
    terms = [
        Case(
            When(in_title(clause), then=Value(WEIGHT_TITLE)),
            When(in_core(clause), then=Value(WEIGHT_CORE)),
            default=Value(WEIGHT_CONTEXT),
            output_field=IntegerField(),
        )
        for clause in text_query.scored[:MAX_SCORED_CLAUSES]
    ]
    terms.append(
        Case(
            When(phrase_in_title(text_query.phrase), then=Value(PHRASE_IN_TITLE_BONUS)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )
    # Clauses past MAX_SCORED_CLAUSES would add the same to every offer: they are left out.
    return reduce(operator.add, terms)


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
        return SearchQuery(one_form_text(text), search_type="phrase", config=self.config)

    def words(self, text):
        return SearchQuery(one_form_text(text), search_type="plain", config=self.config)

    def clause_query(self, clause):
        return reduce(operator.or_, [self.words(alternative.text) for alternative in clause.alternatives])

    def tsquery(self, text_query):
        return reduce(operator.and_, [self.clause_query(clause) for clause in text_query.clauses])

    def filter(self, queryset, text_query):
        if not text_query:
            return queryset.none()
        vector = CombinedExpression(
            F("index_entries__title"), "||", F("index_entries__body"), output_field=SearchVectorField()
        )
        return queryset.annotate(_text=vector).filter(_text=self.tsquery(text_query))

    def title_prefix_filter(self, queryset, words):
        """The offers whose autocomplete text (the title) has a word starting with each of `words`
        (folded, letters and digits only, as search/postgres_backend.py folds the titles)."""
        prefixes = SearchQuery(" & ".join(f"{word}:*" for word in words), search_type="raw", config="simple")
        return queryset.filter(index_entries__autocomplete=prefixes)

    def score(self, text_query):
        title = F("index_entries__title")  # title rank: the title and the skills (search/index_texts.py)
        core = CoreOfBody(F("index_entries__body"))
        return score(
            text_query,
            in_title=lambda clause: Q(VectorMatch(title, self.clause_query(clause))),
            in_core=lambda clause: Q(VectorMatch(core, self.clause_query(clause))),
            phrase_in_title=lambda phrase: Q(VectorMatch(title, self.phrase(phrase.text))),
        )


class CoreOfBody(Func):
    """The body vector with only its core words: ts_filter keeps the lexemes of the weight that
    modelsearch gives fields boosted to CORE_BOOST (title-rank fields are in the title vector)."""

    function = "ts_filter"
    output_field = SearchVectorField()

    def as_sql(self, compiler, connection, **extra_context):
        letter = body_weight(CORE_BOOST).lower()
        return super().as_sql(
            compiler,
            connection,
            template=f"%(function)s(%(expressions)s, '{{{letter}}}'::\"char\"[])",
            **extra_context,
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

    def clause_expression(self, clause, mark=""):
        alternatives = dict.fromkeys(
            " AND ".join(f'"{mark}{token}"' for token in alternative.tokens) for alternative in clause.alternatives
        )
        return "(" + " OR ".join(f"({alternative})" for alternative in alternatives) + ")"

    def expression(self, text_query):
        return " AND ".join(self.clause_expression(clause) for clause in text_query.clauses)

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

    def title_prefix_filter(self, queryset, words):
        return queryset.filter(pk__in=self.matching_ids(["autocomplete"], " AND ".join(f'"{word}"*' for word in words)))

    def score(self, text_query):
        return score(
            text_query,
            in_title=lambda clause: Q(pk__in=self.matching_ids(["title"], self.clause_expression(clause))),
            in_core=lambda clause: Q(
                pk__in=self.matching_ids(["body"], self.clause_expression(clause, mark=CORE_MARK))
            ),
            phrase_in_title=lambda phrase: Q(pk__in=self.matching_ids(["title"], '"' + " ".join(phrase.tokens) + '"')),
        )
