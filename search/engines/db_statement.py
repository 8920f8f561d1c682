"""The one SQL statement behind a database search: every facet count, the totals and the ids of the
page, with the text matched once and the open offers read once.

    WITH m AS MATERIALIZED (
        -- the ORM: JobOffer.objects.open() ∩ text ∩ salary ∩ recency, with one column per facet
        -- (f_*), one boolean per selected facet (s_*), one per contract type (c_*), the sort keys (k_*)
    )
    <facet counts over m>                           -- disjunctive: each facet filtered by the others
    UNION ALL
    SELECT <the page: ids of m matching every selection, sorted, LIMIT 20 OFFSET <last page at most>>

Facet counts: on PostgreSQL one pass over m with GROUPING SETS ((f_institution), (f_metier), …, ()),
each facet counted with COUNT(*) FILTER (WHERE <the other facets' selections>); on SQLite, which has
no grouping sets, one GROUP BY per facet joined by UNION ALL. The empty grouping set gives the total,
the contract type counts and, per facet, the total without that facet's selection.

Every row has the same columns: g (which grouping set; -1 for a page row), v0…vN (facet values as
text; a page row carries the offer id in v0), n0…nM (counts; a page row carries its rank in n0).
"""

from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import BooleanField, ExpressionWrapper, F, Q, TextField
from django.db.models.functions import Cast, Coalesce

from jobs.choices import ContractTypeCode
from jobs.models import JobOffer

from ..query import MAX_PAGE, PAGE_SIZE, SORT_DEADLINE, SORT_RELEVANCE, SORT_SALARY

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
CONTRACT_CODES = tuple(ContractTypeCode.values)
PAGE_ROW = -1


@dataclass
class Outcome:
    counts: dict = field(default_factory=dict)  # facet → {value: count}
    totals: dict = field(default_factory=dict)  # "" → total; facet → total without its selection
    page_ids: list = field(default_factory=list)


def run(base, selections, facet_names, sort, page, tier=None):
    """Execute the statement for `base` (a JobOffer queryset: open, text, salary, recency) and
    `selections` ({facet: Q}) and return an Outcome."""
    grouped = [name for name in facet_names if name in FACET_COLUMNS]
    through = JobOffer.contract_types.through.objects
    columns = {
        "m_id": F("pk"),
        "k_date": F("first_published_at"),
        "k_deadline": F("deadline"),
        "k_salary": Coalesce("salary_max", "salary_min"),
        **{f"f_{name}": Cast(FACET_COLUMNS[name], TextField()) for name in grouped},
        **{f"s_{name}": ExpressionWrapper(condition, BooleanField()) for name, condition in selections.items()},
    }
    if "contrat" in facet_names:
        for index, code in enumerate(CONTRACT_CODES):
            offers_with_code = through.filter(contracttype__code=code).values("joboffer_id")
            columns[f"c_{index}"] = ExpressionWrapper(Q(pk__in=offers_with_code), BooleanField())
    if tier is not None:
        columns["k_tier"] = tier
    base_sql, params = base.order_by().values(**columns).query.sql_with_params()

    dialect = PostgresStatement() if connection.vendor == "postgresql" else SQLiteStatement()
    facet_sql, width, count_columns = dialect.facets(grouped, selections, "contrat" in facet_names)
    every = conjunction(selections)
    keys = order_keys(sort, tier is not None)
    last_page = f"{dialect.greatest}((COUNT(*) + {PAGE_SIZE - 1}) / {PAGE_SIZE}, 1)"
    offset = f"(SELECT ({dialect.least}(%s, {last_page}, {MAX_PAGE}) - 1) * {PAGE_SIZE} FROM m WHERE {every})"
    padding_v = "".join(", NULL" for _ in range(max(len(grouped), 1) - 1))
    padding_n = "".join(", NULL" for _ in range(count_columns - 1))
    page_sql = (
        f"SELECT {PAGE_ROW}, CAST(m_id AS TEXT){padding_v}, ROW_NUMBER() OVER (ORDER BY {keys}){padding_n} "
        f"FROM (SELECT * FROM m WHERE {every} ORDER BY {keys} LIMIT {PAGE_SIZE} OFFSET {offset}) AS page"
    )
    statement = f"WITH m AS MATERIALIZED ({base_sql}) {facet_sql} UNION ALL {page_sql}"

    with transaction.atomic(), connection.cursor() as cursor:
        dialect.prepare(cursor)
        cursor.execute(statement, [*params, page])
        rows = cursor.fetchall()
    return dialect.read(rows, grouped, selections, "contrat" in facet_names, width)


def conjunction(selections, excluded=None):
    names = [f"s_{name}" for name in selections if name != excluded]
    return " AND ".join(names) or "1 = 1"


def order_keys(sort, tiered):
    if sort == SORT_RELEVANCE and tiered:
        return "k_tier DESC, k_date DESC, m_id DESC"
    if sort == SORT_DEADLINE:
        return "k_deadline ASC, k_date DESC, m_id DESC"
    if sort == SORT_SALARY:
        return "k_salary DESC NULLS LAST, k_date DESC, m_id DESC"
    return "k_date DESC, m_id DESC"


class PostgresStatement:
    least, greatest = "LEAST", "GREATEST"

    def prepare(self, cursor):
        # The materialized offers of a broad search exceed the default 4 MB and would spill to disk.
        cursor.execute("SET LOCAL work_mem = '32MB'")

    def facets(self, grouped, selections, with_contracts):
        counts = [f"COUNT(*) FILTER (WHERE {conjunction(selections, name)})" for name in grouped]
        if with_contracts:
            others = conjunction(selections, "contrat")
            counts.append(f"COUNT(*) FILTER (WHERE {others})")
            counts += [f"COUNT(*) FILTER (WHERE {others} AND c_{i})" for i in range(len(CONTRACT_CODES))]
        counts.append(f"COUNT(*) FILTER (WHERE {conjunction(selections)})")
        values = [f"f_{name}" for name in grouped]
        sets = ", ".join([*(f"({value})" for value in values), "()"])
        sql = (
            f"SELECT GROUPING({', '.join(values)}), {', '.join(values)}, {', '.join(counts)} "
            f"FROM m GROUP BY GROUPING SETS ({sets})"
        )
        return sql, len(values), len(counts)

    def read(self, rows, grouped, selections, with_contracts, width):
        outcome = Outcome(counts={name: {} for name in grouped})
        everything = (1 << width) - 1
        for row in rows:
            mark, values, numbers = row[0], row[1 : 1 + width], row[1 + width :]
            if mark == PAGE_ROW:
                outcome.page_ids.append((numbers[0], int(values[0])))
            elif mark == everything:
                read_totals(outcome, grouped, selections, with_contracts, numbers)
            else:
                position = width - (everything ^ mark).bit_length()  # GROUPING(): bit 0 is the last column
                name = grouped[position]
                if values[position] not in (None, "") and numbers[position]:
                    outcome.counts[name][values[position]] = numbers[position]
        outcome.page_ids = [pk for _, pk in sorted(outcome.page_ids)]
        return outcome


class SQLiteStatement:
    least, greatest = "MIN", "MAX"

    def prepare(self, cursor):
        pass

    def facets(self, grouped, selections, with_contracts):
        width = max(len(grouped), 1)
        totals = [f"SUM(CASE WHEN {conjunction(selections, name)} THEN 1 ELSE 0 END)" for name in grouped]
        if with_contracts:
            others = conjunction(selections, "contrat")
            totals.append(f"SUM(CASE WHEN {others} THEN 1 ELSE 0 END)")
            totals += [f"SUM(CASE WHEN {others} AND c_{i} THEN 1 ELSE 0 END)" for i in range(len(CONTRACT_CODES))]
        totals.append(f"SUM(CASE WHEN {conjunction(selections)} THEN 1 ELSE 0 END)")
        nulls_v = ["NULL"] * width
        branches = [f"SELECT {len(grouped)}, {', '.join(nulls_v)}, {', '.join(totals)} FROM m"]
        for position, name in enumerate(grouped):
            values = nulls_v.copy()
            values[position] = f"f_{name}"
            numbers = ["NULL"] * len(totals)
            numbers[position] = "COUNT(*)"
            branches.append(
                f"SELECT {position}, {', '.join(values)}, {', '.join(numbers)} FROM m "
                f"WHERE {conjunction(selections, name)} GROUP BY f_{name}"
            )
        return " UNION ALL ".join(branches), width, len(totals)

    def read(self, rows, grouped, selections, with_contracts, width):
        outcome = Outcome(counts={name: {} for name in grouped})
        for row in rows:
            mark, values, numbers = row[0], row[1 : 1 + width], row[1 + width :]
            if mark == PAGE_ROW:
                outcome.page_ids.append((numbers[0], int(values[0])))
            elif mark == len(grouped):
                read_totals(outcome, grouped, selections, with_contracts, numbers)
            elif values[mark] not in (None, "") and numbers[mark]:
                outcome.counts[grouped[mark]][values[mark]] = numbers[mark]
        outcome.page_ids = [pk for _, pk in sorted(outcome.page_ids)]
        return outcome


def read_totals(outcome, grouped, selections, with_contracts, numbers):
    numbers = [number or 0 for number in numbers]
    outcome.totals[""] = numbers[-1]
    for position, name in enumerate(grouped):
        outcome.totals[name] = numbers[position]
    if with_contracts:
        outcome.totals["contrat"] = numbers[len(grouped)]
        contracts = numbers[len(grouped) + 1 : len(grouped) + 1 + len(CONTRACT_CODES)]
        outcome.counts["contrat"] = {
            code: count for code, count in zip(CONTRACT_CODES, contracts, strict=True) if count
        }
