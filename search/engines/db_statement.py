"""The one SQL statement behind a database search: every facet count, the totals and the ids of the
page, with the text matched once and the open offers read once.

    WITH m AS MATERIALIZED (
        -- the ORM: JobOffer.objects.open() ∩ text ∩ salary ∩ recency, less the offers missing two
        -- selections or more; one column per facet (f_*), one boolean per selected facet (s_*) and
        -- the sort keys (k_*)
    ), skipped AS MATERIALIZED (
        SELECT <offers before the page: the page asked for, at most the last> FROM m WHERE s_a AND s_b
    )
    -- facets without a selection, and the total: counted over the offers matching every selection
    SELECT <facet>, f_<facet>, COUNT(*) FROM m WHERE s_a AND s_b
    GROUP BY GROUPING SETS ((f_x), (f_y), …, (<the small facets together>), ())   -- PostgreSQL
    -- each selected facet: counted with the other facets' selections only (disjunctive faceting)
    UNION ALL SELECT 'region', f_region, COUNT(*) FROM m WHERE s_b GROUP BY f_region
    -- the page: ids of the offers matching every selection, sorted, LIMIT 20 OFFSET (SELECT n FROM skipped)
    UNION ALL SELECT '#page', m_id, ROW_NUMBER() OVER (…) FROM (SELECT … FROM m WHERE s_a AND s_b …)

A text search sorted by relevance orders by the score of search/ranking.py. On PostgreSQL, m carries
only bounds of it read from the titles, and the page computes the exact score of the offers whose
upper bound reaches the lower bound of the last offer of the page: see Ranking. Those are walked
best bound first (then the newest), and the walk stops early when it settles the page: a word found
in no title gives every match the same bounds, and scoring them all (17,000 offers for « l'État »
at 100,000 offers) took half the statement.

Contract types are counted like the other facets, on the offers' bit masks (JobOffer.contract_mask):
a row per mask, which read() splits into one count per contract type.
SQLite has no GROUPING SETS: there the first part is one GROUP BY per facet, joined by UNION ALL.
Every row is (kind, value, count): kind is a facet name, "+" and facet names for the small facets
counted together (the value joins theirs with "|"), "" for the total (with value ""), "#page" or
"#walk" (whether the walk settled the page); for a selected facet, the sum of its rows is the total
without its selection.
"""

import operator
from contextlib import nullcontext
from dataclasses import dataclass, field
from functools import reduce

from django.db import connection, transaction
from django.db.models import BooleanField, Case, ExpressionWrapper, F, IntegerField, Value, When
from django.db.models.functions import Coalesce

from jobs.choices import contract_codes

from ..query import FACET_COLUMNS, MAX_PAGE, PAGE_SIZE, SORT_DEADLINE, SORT_RELEVANCE, SORT_SALARY

PAGE = "#page"
WALK = "#walk"


@dataclass
class Outcome:
    counts: dict = field(default_factory=dict)  # facet → {value: count}
    totals: dict = field(default_factory=dict)  # "" → total; facet → total without its selection
    page_ids: list = field(default_factory=list)
    walk_settled: bool | None = None  # a relevance page read from the walked offers (see settled_sql)


@dataclass
class Ranking:
    """The relevance score of a text search, for the statement. Either `score`, the exact score as an
    expression on the offers, or bounds of it: `least` and `gap` (expressions on the offers; every
    score lies in [least, least + gap]), `entry` (the expression of the offer's index entry id) and
    `exact` ((sql, params) of a query giving the exact score of the entry whose id is m.k_entry).

    The K-th best score is at least the K-th best lower bound, so an offer whose upper bound is under
    it cannot be in the first K; the exact score is computed for the others only, and only where the
    bounds differ."""

    ENTRY = "k_entry"

    score: object = None
    least: object = None
    gap: object = None
    entry: object = None
    exact: tuple = None

    def columns(self):
        if self.score is not None:
            return {"k_score": self.score}
        return {"k_least": self.least, "k_gap": self.gap, self.ENTRY: self.entry}


def run(base, selections, facet_names, sort, page, ranking=None, limit=PAGE_SIZE, text=False):
    """Execute the statement for `base` (a JobOffer queryset: open, text, salary, recency) and
    `selections` ({facet: Q}) and return an Outcome. `ranking` (a Ranking) orders a text search by
    relevance."""
    grouped = [name for name in facet_names if name in FACET_COLUMNS]
    columns = {
        "m_id": F("pk"),
        "k_date": F("first_published_at"),
        "k_deadline": F("deadline"),
        "k_salary": Coalesce("salary_max", "salary_min"),
        **{f"f_{name}": F(FACET_COLUMNS[name]) for name in grouped},
        **{f"s_{name}": ExpressionWrapper(condition, BooleanField()) for name, condition in selections.items()},
    }
    if ranking is not None:
        columns.update(ranking.columns())
    base_sql, params = within_one_selection(base, selections).order_by().values(**columns).query.sql_with_params()
    dialect = statement_dialect()

    unselected = [name for name in grouped if name not in selections]
    parts = [dialect.shared_counts(unselected, conjunction(selections))]
    for name in grouped:
        if name in selections:
            parts.append(
                f"SELECT '{name}', {as_text(f'f_{name}')}, COUNT(*) FROM m "
                f"WHERE {conjunction(selections, name)} GROUP BY f_{name}"
            )
    every, keys = conjunction(selections), order_keys(sort, ranking is not None)
    last_page = f"{dialect.greatest}((COUNT(*) + {PAGE_SIZE - 1}) / {PAGE_SIZE}, 1)"
    # Offers before the page (the page asked for, at most the last): counted once, read twice by a
    # relevance sort.
    if page > 1:
        skipped = f"SELECT ({dialect.least}(%s, {last_page}, {MAX_PAGE}) - 1) * {PAGE_SIZE} AS n FROM m WHERE {every}"
        skipped_params = [page]
    else:  # the first page skips nothing, however many offers match: no need to count them here
        skipped, skipped_params = "SELECT 0 AS n", []
    offset = "(SELECT n FROM skipped)"
    ctes = [f"m AS MATERIALIZED ({base_sql})", f"skipped AS MATERIALIZED ({skipped})"]
    page_params = []
    if ranking is not None and ranking.score is None and sort == SORT_RELEVANCE:
        exact_sql, exact_params = ranking.exact
        kth_least = (
            f"(SELECT k_least FROM m WHERE {every} ORDER BY k_least DESC LIMIT 1 OFFSET {offset} + {int(limit) - 1})"
        )
        reaching = f"{every} AND k_least + k_gap >= COALESCE({kth_least}, 0)"
        exact_score = f"CASE WHEN k_gap = 0 THEN k_least ELSE ({exact_sql}) END"
        walked = f"GREATEST({SCORED_FIRST}, {SCORED_PER_PAGE_PLACE} * ({offset} + {int(limit)}))"
        ctes += [
            f"walked AS MATERIALIZED (SELECT {WALKED_COLUMNS}, {exact_score} AS k_score FROM m WHERE {every} "
            f"ORDER BY k_least + k_gap DESC, k_date DESC, m_id DESC LIMIT {walked})",
            f"settled AS MATERIALIZED ({settled_sql(offset, limit, walked)})",
        ]
        page_params = [*exact_params, *exact_params]
        parts.append(page_part(keys, "walked WHERE (SELECT yes FROM settled)", offset, limit))
        everyone = f"(SELECT {WALKED_COLUMNS}, {exact_score} AS k_score FROM m WHERE {reaching}) AS candidates"
        parts.append(page_part(keys, f"{everyone} WHERE NOT (SELECT yes FROM settled)", offset, limit))
        parts.append(f"SELECT '{WALK}', CAST(yes AS TEXT), 0 FROM settled")
    else:
        parts.append(page_part(keys, f"m WHERE {every}", offset, limit))
    statement = f"WITH {', '.join(ctes)} " + " UNION ALL ".join(parts)

    with dialect.transaction(), connection.cursor() as cursor:
        dialect.prepare(cursor, text)
        cursor.execute(statement, [*params, *skipped_params, *page_params])
        rows = cursor.fetchall()
    return read(rows, grouped, selections)


def within_one_selection(base, selections):
    """`base` without the offers that miss two selections or more: they are in no count (a selected
    facet is counted over the offers matching every other selection) and on no page. With filters on
    three facets, m keeps a few thousand offers of the 75,000 open ones."""
    if len(selections) < 2:
        return base
    missed = reduce(
        operator.add,
        [
            Case(When(condition, then=Value(0)), default=Value(1), output_field=IntegerField())
            for condition in selections.values()
        ],
    )
    return base.alias(selections_missed=missed).filter(selections_missed__lte=1)


# The exact score of a relevance sort is computed first for the offers walked in the order of their
# upper bounds (then the newest): this many at least, or this many per place up to the end of the page.
SCORED_FIRST = 500
SCORED_PER_PAGE_PLACE = 4


# What a relevance page and settled_sql read of the walked offers: sorting whole rows of m (every facet
# column) took 15 ms of a broad search, these 9 to 10.
WALKED_COLUMNS = "m_id, k_date, k_least, k_gap"


def settled_sql(offset, limit, walked):
    """Whether the walked offers hold the page: all of them were walked, or the last place of the page,
    as far as the walk knows (score, date, id), ranks before the last offer walked (upper bound,
    date, id). Every offer not walked ranks after that one by its upper bound, so after the page."""
    last_place = (
        "(SELECT ROW(k_score, k_date, m_id) FROM walked ORDER BY k_score DESC, k_date DESC, m_id DESC "
        f"LIMIT 1 OFFSET {offset} + {int(limit) - 1})"
    )
    last_walked = (
        "(SELECT ROW(k_least + k_gap, k_date, m_id) FROM walked ORDER BY k_least + k_gap, k_date, m_id LIMIT 1)"
    )
    return f"SELECT COUNT(*) < {walked} OR COALESCE({last_place} >= {last_walked}, FALSE) AS yes FROM walked"


def page_part(keys, source, offset, limit):
    return (
        f"SELECT '{PAGE}', CAST(m_id AS TEXT), ROW_NUMBER() OVER (ORDER BY {keys}) "
        f"FROM (SELECT * FROM {source} ORDER BY {keys} LIMIT {int(limit)} OFFSET {offset}) AS page"
    )


def read(rows, grouped, selections):
    outcome = Outcome(counts={name: {} for name in grouped})
    ranked = []
    # The small facets' rows (a thousand combinations on a broad search) are summed per facet value
    # first: contract masks are split into codes once per mask, not once per combination.
    small_facet_counts = {}
    for kind, value, count in rows:
        if kind == PAGE:
            ranked.append((count, int(value)))
        elif kind == WALK:
            outcome.walk_settled = value == "true"
        elif kind == "":
            outcome.totals[""] = count
        elif kind.startswith("+"):
            for name_and_part in zip(kind[1:].split(","), value.split(VALUE_SEPARATOR), strict=True):
                small_facet_counts[name_and_part] = small_facet_counts.get(name_and_part, 0) + count
        else:
            if kind in selections:
                outcome.totals[kind] = outcome.totals.get(kind, 0) + count
            add_count(outcome.counts[kind], kind, value, count)
    for (name, part), count in small_facet_counts.items():
        add_count(outcome.counts[name], name, part, count)
    outcome.totals.setdefault("", 0)
    outcome.page_ids = [pk for _, pk in sorted(ranked)]
    return outcome


# Facets with a handful of values each: PostgreSQL counts them together, per combination of values (a
# few hundred), and read() adds them up per facet. One hash lookup per offer instead of four.
SMALL_FACETS = ("contrat", "categorie", "experience", "teletravail")
VALUE_SEPARATOR = "|"  # never in a code


def count_groups(names):
    """The facets `names` as groups counted in one GROUP BY each: the small facets together, the
    others alone."""
    small = tuple(name for name in names if name in SMALL_FACETS)
    return [(name,) for name in names if name not in SMALL_FACETS] + ([small] if small else [])


def group_kind(group):
    """The kind of a group's rows: the facet name, or "+" and the names of a combined group."""
    return group[0] if len(group) == 1 else "+" + ",".join(group)


def group_value(group):
    if len(group) == 1:
        return as_text(f"f_{group[0]}")
    return f" || '{VALUE_SEPARATOR}' || ".join(f"COALESCE({as_text(f'f_{name}')}, '')" for name in group)


def add_count(counts, facet, value, count):
    if value in (None, "") or not count:
        return
    for key in contract_codes(int(value)) if facet == "contrat" else [value]:
        counts[key] = counts.get(key, 0) + count


def as_text(column):
    """Facet values leave the statement as text (one column for every facet): cast once per value
    counted, not once per offer."""
    return f"CAST({column} AS TEXT)"


def statement_dialect():
    return PostgresStatement() if connection.vendor == "postgresql" else SQLiteStatement()


def conjunction(selections, excluded=None):
    names = [f"s_{name}" for name in selections if name != excluded]
    return " AND ".join(names) or "1 = 1"


def order_keys(sort, scored):
    if sort == SORT_RELEVANCE and scored:
        return "k_score DESC, k_date DESC, m_id DESC"
    if sort == SORT_DEADLINE:
        return "k_deadline ASC, k_date DESC, m_id DESC"
    if sort == SORT_SALARY:
        return "k_salary DESC NULLS LAST, k_date DESC, m_id DESC"
    return "k_date DESC, m_id DESC"


class PostgresStatement:
    least, greatest = "LEAST", "GREATEST"

    def transaction(self):
        return transaction.atomic()  # the planner settings of prepare() last until its end

    def prepare(self, cursor, text):
        """Planner settings for this transaction only, in one round trip."""
        settings = {
            # The materialized offers of a broad search exceed the default 4 MB and would spill to disk.
            "work_mem": "32MB",
            # Estimates of a text match can be off by 50×: the planner then probes one side row by row
            # (a nested loop) where reading each side once and hashing is cheaper.
            "enable_nestloop": "off",
            # Broad searches (the unfiltered page, a word found in a third of the offers) read tens of
            # thousands of rows once: split over the parallel workers the server allows
            # (max_parallel_workers_per_gather), they take a third less time. The default costs keep
            # that for larger scans; these still leave small searches on one process.
            "parallel_setup_cost": "100",
            "parallel_tuple_cost": "0.001",
        }
        if text:
            # PostgreSQL underestimates a text match evaluated row by row: for a word found in a third of
            # the offers it picks a sequential scan (300 ms here) over the GIN index (30 ms).
            settings["enable_seqscan"] = "off"
        calls = ", ".join("set_config(%s, %s, true)" for _ in settings)
        cursor.execute(f"SELECT {calls}", [item for pair in settings.items() for item in pair])

    def shared_counts(self, names, condition):
        """One pass, one hash table per group of facets (see count_groups)."""
        groups = count_groups(names)
        if not groups:
            return f"SELECT '', '', COUNT(*) FROM m WHERE {condition}"
        columns = [f"f_{name}" for group in groups for name in group]
        grouping = f"GROUPING({', '.join(columns)})"
        everything = (1 << len(columns)) - 1
        # GROUPING() has one bit per column, the last column being bit 0; a set grouping by some
        # columns clears their bits.
        kinds, values, sets = [], [], []
        for group in groups:
            bits = sum(1 << (len(columns) - 1 - columns.index(f"f_{name}")) for name in group)
            kinds.append(f"WHEN {everything & ~bits} THEN '{group_kind(group)}'")
            values.append(f"WHEN {everything & ~bits} THEN {group_value(group)}")
            sets.append("(" + ", ".join(f"f_{name}" for name in group) + ")")
        return (
            f"SELECT CASE {grouping} {' '.join(kinds)} ELSE '' END, CASE {grouping} {' '.join(values)} ELSE '' END, "
            f"COUNT(*) FROM m WHERE {condition} GROUP BY GROUPING SETS ({', '.join(sets)}, ())"
        )


class SQLiteStatement:
    least, greatest = "MIN", "MAX"

    def transaction(self):
        # One statement reads one snapshot; atomic() would take SQLite's write lock (transaction_mode
        # IMMEDIATE) and make searches wait behind an import.
        return nullcontext()

    def prepare(self, cursor, text):
        pass

    def shared_counts(self, names, condition):
        parts = [f"SELECT '', '', COUNT(*) FROM m WHERE {condition}"]
        # One GROUP BY per facet: counting the small facets together (count_groups) is 10 % slower here.
        parts += [
            f"SELECT '{name}', {as_text(f'f_{name}')}, COUNT(*) FROM m WHERE {condition} GROUP BY f_{name}"
            for name in names
        ]
        return " UNION ALL ".join(parts)
