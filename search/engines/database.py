"""The database engine: Wagtail's database search index for the text (PostgreSQL full text or SQLite
FTS5, see search/backends.py), the ORM for everything else, always within JobOffer.objects.open().

One search is three round trips whatever the page length: the facet counts and totals (one
statement), the page of offers (plus the listing's prefetch), and the labels of the institutions and
métiers shown. The facet statement matches the text once, in a MATERIALIZED common table expression
of the open offers with their facet columns and one boolean per selected facet, then counts each
facet over it with the selections of the other facets (disjunctive faceting):

    WITH m AS MATERIALIZED (<open offers matching the text, salary and recency filters>)
    SELECT 'region', f_region, COUNT(*) FROM m WHERE s_metier AND s_contrat GROUP BY f_region
    UNION ALL SELECT 'contrat', <code>, COUNT(*) FROM m JOIN <offer contract types> ... GROUP BY ...
    UNION ALL SELECT '', '', SUM(CASE WHEN s_metier AND s_contrat THEN 1 ELSE 0 END) FROM m   -- total
    ...
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchVectorField
from django.db import connection
from django.db.models import (
    BooleanField,
    Case,
    Exists,
    ExpressionWrapper,
    F,
    Func,
    IntegerField,
    Lookup,
    OuterRef,
    Q,
    Value,
    When,
)
from django.db.models.expressions import CombinedExpression
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe
from modelsearch.conf import get_app_config

from jobs.models import ContractType, Institution, JobOffer, Profession

from ..backends import POSTGRES_SEARCH_CONFIG
from ..query import (
    CODE_LABELS,
    FACET_LABELS,
    FACET_NAMES,
    PAGE_SIZE,
    SORT_DATE,
    SORT_DEADLINE,
    SORT_RELEVANCE,
    SORT_SALARY,
    departement_labels,
    region_labels,
)
from ..results import Facet, FacetValue, Hit, OfferResults, Relaxation, order_facet_values, resolve_page
from ..text import excerpt, highlight, parse_text
from . import Engine

# Facets stored in one column of the offer; "contrat" is a many-to-many relation.
FACET_COLUMNS = {
    "institution": "institution_id",
    "metier": "profession_id",
    "categorie": "category",
    "experience": "experience_level",
    "region": "region_code",
    "departement": "departement_code",
    "teletravail": "remote",
}

TIER_PHRASE_IN_TITLE, TIER_ALL_IN_TITLE, TIER_SOME_IN_TITLE = 3, 2, 1


class DatabaseEngine(Engine):
    name = "database"

    def search(self, query):
        text_query = parse_text(query.text)
        text = text_dialect()
        base = JobOffer.objects.open()
        if text_query:
            base = text.filter(base, text_query)
        base = base.filter(non_facet_conditions(query))
        selections = facet_conditions(query)
        facet_names = [name for name in FACET_NAMES if name != "departement" or query.show_departements]

        counts, totals = count_facets(base, selections, facet_names)
        total = totals[""]
        page = resolve_page(query.page, total)
        offers = base.filter(*selections.values()).for_listing()
        if query.sort == SORT_RELEVANCE and text_query:
            offers = offers.annotate(_tier=text.tier(text_query))
        offers = offers.order_by(*ordering(query.sort if text_query or query.sort != SORT_RELEVANCE else SORT_DATE))
        offers = list(offers[(page - 1) * PAGE_SIZE : page * PAGE_SIZE])

        marked = text_query.highlight_tokens
        return OfferResults(
            query=query,
            hits=[offer_hit(offer, marked) for offer in offers],
            total=total,
            page=page,
            facets=build_facets(query, facet_names, counts, totals),
            relaxation=self.relaxation(query, selections, totals) if total == 0 and query.has_filters else None,
            engine=self.name,
        )

    def relaxation(self, query, selections, totals):
        """The one filter whose removal brings back the most offers (for the empty state)."""
        candidates = [Relaxation(name, FACET_LABELS[name], totals[name]) for name in selections if totals.get(name)]
        text_query = parse_text(query.text)
        for name, label in (("salaire_min", "Salaire minimum"), ("publiee", "Date de publication")):
            relaxed = query.without(name)
            if relaxed.salary_min == query.salary_min and relaxed.published_within == query.published_within:
                continue
            offers = JobOffer.objects.open().filter(non_facet_conditions(relaxed), *selections.values())
            count = (text_dialect().filter(offers, text_query) if text_query else offers).count()
            if count:
                candidates.append(Relaxation(name, label, count))
        return max(candidates, key=lambda candidate: candidate.total, default=None)

    def autocomplete(self, text, limit=8):
        return database_autocomplete(text, limit)


# Conditions ---------------------------------------------------------------------------------------


def non_facet_conditions(query):
    condition = Q()
    if query.salary_min is not None:
        condition &= Q(salary_max__gte=query.salary_min) | Q(salary_max__isnull=True, salary_min__gte=query.salary_min)
    if query.published_within is not None:
        since = timezone.now() - datetime.timedelta(days=query.published_within)
        condition &= Q(first_published_at__gte=since)
    return condition


def facet_conditions(query):
    """{facet name: condition on JobOffer} for each facet with a selection."""
    conditions = {}
    for name, values in query.filters.items():
        if name == "institution":
            conditions[name] = Q(institution__slug__in=values)
        elif name == "metier":
            conditions[name] = Q(profession__slug__in=values)
        elif name == "contrat":
            through = JobOffer.contract_types.through.objects.filter(
                joboffer_id=OuterRef("pk"), contracttype__code__in=values
            )
            conditions[name] = Q(Exists(through))
        else:
            conditions[name] = Q(**{f"{FACET_COLUMNS[name]}__in": values})
    return conditions


def ordering(sort):
    if sort == SORT_RELEVANCE:
        return ["-_tier", "-first_published_at", "-pk"]
    if sort == SORT_DEADLINE:
        return ["deadline", "-first_published_at", "-pk"]
    if sort == SORT_SALARY:
        return [Coalesce("salary_max", "salary_min").desc(nulls_last=True), "-first_published_at", "-pk"]
    assert sort == SORT_DATE
    return ["-first_published_at", "-pk"]


# Facet counts -------------------------------------------------------------------------------------


def count_facets(base, selections, facet_names):
    """({facet: {value: count}}, {"": total, facet: total without that facet's selection})."""
    columns = {"m_id": F("pk")}
    columns.update({f"f_{name}": F(FACET_COLUMNS[name]) for name in facet_names if name in FACET_COLUMNS})
    columns.update(
        {
            f"s_{name}": ExpressionWrapper(condition, output_field=BooleanField())
            for name, condition in selections.items()
        }
    )
    sql, params = base.values(**columns).query.sql_with_params()

    def others(excluded):
        names = [f"s_{name}" for name in selections if name != excluded]
        return " AND ".join(names) or "1 = 1"

    through = JobOffer.contract_types.through._meta.db_table
    contract_table = ContractType._meta.db_table
    branches = []
    for name in facet_names:
        if name == "contrat":
            branches.append(
                f"SELECT 'contrat', ct.code, COUNT(*) FROM m "
                f"JOIN {through} t ON t.joboffer_id = m.m_id JOIN {contract_table} ct ON ct.id = t.contracttype_id "
                f"WHERE {others(name)} GROUP BY ct.code"
            )
        else:
            branches.append(
                f"SELECT '{name}', CAST(f_{name} AS TEXT), COUNT(*) FROM m WHERE {others(name)} GROUP BY f_{name}"
            )
    for name in ["", *selections]:
        branches.append(f"SELECT '', '{name}', SUM(CASE WHEN {others(name or None)} THEN 1 ELSE 0 END) FROM m")

    statement = f"WITH m AS MATERIALIZED ({sql}) " + " UNION ALL ".join(branches)
    counts, totals = {name: {} for name in facet_names}, {}
    with connection.cursor() as cursor:
        cursor.execute(statement, params)
        for facet, value, count in cursor.fetchall():
            if facet:
                if value not in (None, ""):
                    counts[facet][value] = count
            else:
                totals[value] = count or 0
    return counts, totals


def build_facets(query, facet_names, counts, totals):
    institutions = counts.get("institution", {}).keys()
    institution_rows = Institution.objects.filter(
        Q(pk__in=[int(pk) for pk in institutions]) | Q(slug__in=query.selected("institution"))
    ).values_list("pk", "slug", "name")
    profession_rows = Profession.objects.values_list("pk", "slug", "name")
    by_id = {
        "institution": {str(pk): (slug, name) for pk, slug, name in institution_rows},
        "metier": {str(pk): (slug, name) for pk, slug, name in profession_rows},
    }
    labels = {**CODE_LABELS, "region": region_labels(), "departement": departement_labels()}

    facets = []
    for name in facet_names:
        values = {}
        for raw, count in counts[name].items():
            if name in by_id:
                if raw not in by_id[name]:
                    continue
                value, label = by_id[name][raw]
            else:
                value, label = raw, labels[name].get(raw, raw)
            values[value] = FacetValue(value, label, count, value in query.selected(name))
        for value in query.selected(name):
            if value not in values:
                label = next((lbl for slug, lbl in by_id.get(name, {}).values() if slug == value), None)
                label = label or labels.get(name, {}).get(value, value)
                values[value] = FacetValue(value, label, 0, True)
        facets.append(Facet(name, order_facet_values(values.values()), totals.get(name, totals[""])))
    return facets


# Hits ---------------------------------------------------------------------------------------------


def offer_hit(offer, marked):
    body = strip_tags(offer.missions or "")
    return Hit(
        offer=offer,
        title_html=highlight(offer.title, marked) if marked else mark_safe(escape(offer.title)),
        excerpt_html=excerpt(body, marked),
    )


# Text dialects ------------------------------------------------------------------------------------


def text_dialect():
    if connection.vendor == "postgresql":
        return PostgresText()
    if connection.vendor == "sqlite":
        return SQLiteText()
    raise NotImplementedError(f"La recherche d'offres ne gère pas la base {connection.vendor}.")


class PostgresText:
    """Full text on Wagtail's PostgreSQL index entries (tsvectors in the french_unaccent configuration).
    Each alternative is a phrase query (phraseto_tsquery), alternatives are OR'ed, clauses AND'ed.
    The match is on `title || body`, the expression our GIN index covers."""

    config = POSTGRES_SEARCH_CONFIG

    def phrase(self, text):
        return SearchQuery(text, search_type="phrase", config=self.config)

    def tsquery(self, text_query, combine="and"):
        clauses = []
        for clause in text_query.clauses:
            alternatives = [self.phrase(alternative.text) for alternative in clause.alternatives]
            query = alternatives[0]
            for alternative in alternatives[1:]:
                query |= alternative
            clauses.append(query)
        result = clauses[0]
        for clause in clauses[1:]:
            result = result & clause if combine == "and" else result | clause
        return result

    def filter(self, queryset, text_query):
        if not text_query:
            return queryset.none()
        vector = CombinedExpression(
            F("index_entries__title"), "||", F("index_entries__body"), output_field=SearchVectorField()
        )
        return queryset.annotate(_text=vector).filter(_text=self.tsquery(text_query))

    def tier(self, text_query):
        title_grade = CombinedExpression(
            F("index_entries__title"),
            "||",
            Func(
                F("index_entries__body"), template="ts_filter(%(expressions)s, '{a}')", output_field=SearchVectorField()
            ),
            output_field=SearchVectorField(),
        )
        return Case(
            When(Q(index_entries__title=self.phrase(text_query.phrase.text)), then=Value(TIER_PHRASE_IN_TITLE)),
            When(Q(VectorMatch(title_grade, self.tsquery(text_query))), then=Value(TIER_ALL_IN_TITLE)),
            When(Q(VectorMatch(title_grade, self.tsquery(text_query, "or"))), then=Value(TIER_SOME_IN_TITLE)),
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
    search/backends.py): the query's tokens are matched as FTS5 phrases."""

    def fts_model(self):
        return get_app_config().get_model("SQLiteFTSIndexEntry")

    def expression(self, text_query, combine="AND"):
        clauses = []
        for clause in text_query.clauses:
            phrases = dict.fromkeys(" ".join(alternative.tokens) for alternative in clause.alternatives)
            clauses.append("(" + " OR ".join(f'"{phrase}"' for phrase in phrases) + ")")
        return f" {combine} ".join(clauses)

    def matching_ids(self, columns, expression):
        model = self.fts_model()
        match = FTSMatch(model._meta.db_table, "{" + " ".join(columns) + "} : (" + expression + ")")
        return (
            model.objects.filter(match)
            .filter(index_entry__content_type=ContentType.objects.get_for_model(JobOffer))
            .values("index_entry__object_id")
        )

    def filter(self, queryset, text_query):
        if not text_query:
            return queryset.none()
        return queryset.filter(pk__in=self.matching_ids(["title", "body"], self.expression(text_query)))

    def tier(self, text_query):
        phrase = '"' + " ".join(text_query.phrase.tokens) + '"'
        return Case(
            When(pk__in=self.matching_ids(["title"], phrase), then=Value(TIER_PHRASE_IN_TITLE)),
            When(pk__in=self.matching_ids(["title"], self.expression(text_query)), then=Value(TIER_ALL_IN_TITLE)),
            When(
                pk__in=self.matching_ids(["title"], self.expression(text_query, "OR")),
                then=Value(TIER_SOME_IN_TITLE),
            ),
            default=Value(0),
            output_field=IntegerField(),
        )


# Autocomplete -------------------------------------------------------------------------------------


def database_autocomplete(text, limit=8):
    raise NotImplementedError
