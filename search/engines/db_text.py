"""Full-text matching of the database engine on Wagtail's search index (see search/backends.py):
a TextQuery (search/text.py) becomes a filter and a relevance score (search/ranking.py), on the
offers' search documents on PostgreSQL (search.models.OfferDocument), on JobOffer on SQLite.
"""

import operator
from functools import reduce

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection, transaction
from django.db.models import Case, F, Func, IntegerField, Lookup, Q, Value, When
from django.db.models.expressions import RawSQL

from jobs.models import JobOffer
from metnum_site.upstream import body_weight, index_entry_model, sqlite_fts_entry_model

from ..index_texts import CORE_BOOST, CORE_MARK, POSTGRES_SEARCH_CONFIG
from ..models import OfferDocument
from ..ranking import MAX_SCORED_CLAUSES, PHRASE_IN_TITLE_BONUS, WEIGHT_CONTEXT, WEIGHT_CORE, WEIGHT_TITLE
from ..text import one_form_text
from .db_statement import Ranking

NEWEST_FIRST = ("-first_published_at", "-pk")  # the order of the btree index, read backwards
NEWEST_WALKED = 1_000


def score(text_query, in_title, in_core, phrase_in_title):
    """The ranking.py score as an SQL expression, from the dialect's conditions on one clause (or phrase)."""
    return sum_of(
        [
            if_else(in_title(clause), WEIGHT_TITLE, if_else(in_core(clause), WEIGHT_CORE, WEIGHT_CONTEXT))
            for clause in text_query.scored[:MAX_SCORED_CLAUSES]
        ],
        phrase_in_title,
        text_query,
    )


def title_bounds(text_query, in_title, phrase_in_title):
    """The least score an offer can have given where its title matches (every clause not in the title
    counted as context), and the most it can add to it (each of those clauses found in the core)."""
    clauses = text_query.scored[:MAX_SCORED_CLAUSES]
    least = sum_of(
        [if_else(in_title(clause), WEIGHT_TITLE, WEIGHT_CONTEXT) for clause in clauses], phrase_in_title, text_query
    )
    gap = reduce(operator.add, [if_else(in_title(clause), 0, WEIGHT_CORE - WEIGHT_CONTEXT) for clause in clauses])
    return least, gap


def sum_of(terms, phrase_in_title, text_query):
    # Clauses past MAX_SCORED_CLAUSES would add the same to every offer: they are left out.
    return reduce(operator.add, [*terms, if_else(phrase_in_title(text_query.phrase), PHRASE_IN_TITLE_BONUS, 0)])


def if_else(condition, then, otherwise):
    otherwise = otherwise if isinstance(otherwise, Case) else Value(otherwise)
    return Case(When(condition, then=Value(then)), default=otherwise, output_field=IntegerField())


def text_dialect():
    if connection.vendor == "postgresql":
        return PostgresText()
    if connection.vendor == "sqlite":
        return SQLiteText()
    raise NotImplementedError(f"La recherche d'offres ne gère pas la base {connection.vendor}.")


class PostgresText:
    """Full text on Wagtail's PostgreSQL index entries (tsvectors in the french_unaccent configuration).
    An alternative needs all its words (plainto_tsquery), alternatives are OR'ed, clauses AND'ed.
    The match is on the documents' `text` (the entry's `title || body`), which a GIN index covers."""

    config = POSTGRES_SEARCH_CONFIG

    def phrase(self, text):
        return SearchQuery(one_form_text(text), search_type="phrase", config=self.config)

    def words(self, text):
        return SearchQuery(one_form_text(text), search_type="plain", config=self.config)

    def clause_query(self, clause):
        return reduce(operator.or_, [self.words(alternative.text) for alternative in clause.alternatives])

    def tsquery(self, text_query):
        return reduce(operator.and_, [self.clause_query(clause) for clause in text_query.clauses])

    def open_offers(self, text_query):
        """The open offers matching `text_query` (all of them when it is empty). With a text, their
        search documents (search.models.OfferDocument: the vectors beside the columns, no join to the
        index entries), matched on the GIN index of their text; without, the offers themselves, which
        a covering index serves (search/migrations/0004)."""
        if not text_query:
            return JobOffer.objects.open()
        return OfferDocument.objects.open().filter(VectorMatch(F("text"), self.tsquery(text_query)))

    def newest_with_title_prefixes(self, offers, words, limit, walked=NEWEST_WALKED):
        """The `limit` newest of `offers` whose title has a word starting with each of `words` (folded,
        letters and digits only), read from the GIN index of search/migrations/0011.

        PostgreSQL estimates every prefix match at 2 % of the offers, whatever it finds: left to
        itself it walks the offers newest first for a prefix nothing has (0.3 s at 100,000 offers), or
        reads every match of a prefix half the titles have (0.1 s). The `walked` newest offers are
        read first, probing each title: when `limit` of them match, they are the answer; otherwise
        the matches are rare (fewer than `limit` in `walked`), and the GIN index lists them all."""
        match = self.title_prefixes_match(words)
        newest = offers.annotate(title_match=match).order_by(*NEWEST_FIRST)
        sql, params = newest.values_list("pk", "first_published_at", "title_match")[:walked].query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT id FROM ({sql}) AS newest (id, published, title_match) WHERE title_match "
                "ORDER BY published DESC, id DESC LIMIT %s",
                [*params, limit],
            )
            ids = [pk for (pk,) in cursor.fetchall()]
        if len(ids) < limit:
            few = offers.filter(match).order_by(*NEWEST_FIRST).values_list("pk", flat=True)[:limit]
            with transaction.atomic(), connection.cursor() as cursor:
                # Not the backward walk on the publication date: the bitmap of the GIN index, then a sort.
                cursor.execute("SELECT set_config('enable_indexscan', 'off', true)")
                ids = list(few)
        return list(offers.filter(pk__in=ids).order_by(*NEWEST_FIRST))

    def title_prefixes_match(self, words):
        """The condition "the title has a word starting with each of `words`", on the GIN index."""
        prefixes = " & ".join(f"{word}:*" for word in words)  # words are letters and digits only
        return VectorMatch(TitleWords(), SearchQuery(prefixes, search_type="raw", config="simple"))

    def ranking(self, text_query):
        """The score in two steps (see db_statement.Ranking). Reading each matching offer's body
        vector to score its core words was half the time of a broad search (a fifth of a kilobyte of
        title against two thirds of a kilobyte of body): the statement first bounds every score from
        the titles alone, then reads the bodies of the few offers that could reach the page."""
        least, gap = title_bounds(text_query, in_title=self.in_title, phrase_in_title=self.phrase_in_title)
        entries = index_entry_model().objects
        exact = entries.filter(pk=RawSQL(f"m.{Ranking.ENTRY}", ())).values(score=self.score(text_query))
        return Ranking(least=least, gap=gap, entry=F("entry_id"), exact=exact.query.sql_with_params())

    def score(self, text_query):
        """The exact score, on an index entry (its body's core words)."""
        core = CoreOfBody(F("body"))
        return score(
            text_query,
            in_title=self.in_title,
            in_core=lambda clause: Q(VectorMatch(core, self.clause_query(clause))),
            phrase_in_title=self.phrase_in_title,
        )

    # On a document or an index entry: both name the title vector `title` (the title and the skills,
    # search/index_texts.py).
    def in_title(self, clause):
        return Q(VectorMatch(F("title"), self.clause_query(clause)))

    def phrase_in_title(self, phrase):
        return Q(VectorMatch(F("title"), self.phrase(phrase.text)))


class TitleWords(Func):
    """The folded words of an offer's title: the expression of the GIN index of search/migrations/0011,
    written as it is there so that PostgreSQL uses the index."""

    template = "to_tsvector('simple_unaccent'::regconfig, regexp_replace(%(expressions)s, '[^[:alnum:]]+', ' ', 'g'))"
    output_field = SearchVectorField()

    def __init__(self):
        super().__init__(F("title"))


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

    def open_offers(self, text_query):
        """The open offers matching `text_query` (all of them when it is empty)."""
        offers = JobOffer.objects.open()
        if not text_query:
            return offers
        return offers.filter(pk__in=self.matching_ids(["title", "body"], self.expression(text_query)))

    def newest_with_title_prefixes(self, offers, words, limit):
        """As PostgresText's: FTS5 runs the prefix match once, in its own subquery."""
        matching = self.matching_ids(["autocomplete"], " AND ".join(f'"{word}"*' for word in words))
        return list(offers.filter(pk__in=matching).order_by(*NEWEST_FIRST)[:limit])

    def ranking(self, text_query):
        """FTS5 answers each condition of the score for every offer at once (a subquery per clause):
        the statement orders by the exact score."""
        return Ranking(score=self.score(text_query))

    def score(self, text_query):
        return score(
            text_query,
            in_title=lambda clause: Q(pk__in=self.matching_ids(["title"], self.clause_expression(clause))),
            in_core=lambda clause: Q(
                pk__in=self.matching_ids(["body"], self.clause_expression(clause, mark=CORE_MARK))
            ),
            phrase_in_title=lambda phrase: Q(pk__in=self.matching_ids(["title"], '"' + " ".join(phrase.tokens) + '"')),
        )
