"""Relevance of the offer search, measured on judged queries over the demo corpus.

    .venv/bin/python bench/relevance.py                 # SQLite, database search
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/metnum .venv/bin/python bench/relevance.py
    ELASTICSEARCH_URL=http://127.0.0.1:9200 .venv/bin/python bench/relevance.py   # Elasticsearch too
    .venv/bin/python bench/relevance.py --details       # every query, its first results and grades
    .venv/bin/python bench/relevance.py --write-baseline

Loads the demo content (`load_demo_content`) into a throwaway database, runs each query of
bench/judged_queries/judgments.yaml as a candidate submits it on /offres/ (text only, default order), and
prints per engine:
  nDCG@10          graded gain (2^grade - 1) discounted by log2(rank + 1), over the ideal ordering of
                   the judged offers still open;
  precision@5      share of the first five results graded 2 or 3;
  zero results     share of queries that find nothing;
(queries whose judged offers are all closed are listed, not measured)
per kind of query and overall. The same figures are checked in CI against bench/judged_queries/
baseline.json, on SQLite and PostgreSQL (tests/search/test_relevance.py).
"""

import argparse
import io
import json
import math
import os
import sys
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
JUDGMENTS = Path(__file__).resolve().parent / "judged_queries" / "judgments.yaml"
BASELINE = Path(__file__).resolve().parent / "judged_queries" / "baseline.json"
CUTOFF = 10
PRECISION_CUTOFF = 5
RELEVANT_GRADE = 2
# nDCG may move by this much without failing CI (float noise, not a regression).
TOLERANCE = 0.0005


@dataclass(frozen=True)
class JudgedQuery:
    text: str
    kind: str
    grades: dict  # demo offer id → grade 1 to 3


def judged_queries(path=JUDGMENTS):
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return [JudgedQuery(entry["q"], entry["kind"], dict(entry["judgments"])) for entry in data["queries"]]


def dcg(grades):
    return sum((2**grade - 1) / math.log2(rank + 2) for rank, grade in enumerate(grades))


def ndcg(ranked_grades, judged_grades, cutoff=CUTOFF):
    """nDCG@cutoff of a result list (grades in rank order) against every judged grade."""
    ideal = dcg(sorted(judged_grades, reverse=True)[:cutoff])
    return dcg(ranked_grades[:cutoff]) / ideal if ideal else 0.0


def precision(ranked_grades, cutoff=PRECISION_CUTOFF):
    return sum(grade >= RELEVANT_GRADE for grade in ranked_grades[:cutoff]) / cutoff


@dataclass
class QueryOutcome:
    query: JudgedQuery
    total: int
    ranked: list  # (demo id, grade) of the first CUTOFF results
    ndcg: float
    precision: float
    suggestion: str = ""  # "Vouliez-vous dire": the corrected text offered
    followed_ndcg: float | None = None  # nDCG@10 of the suggestion, when a candidate follows it


@dataclass
class Report:
    engine: str
    database: str
    outcomes: list = field(default_factory=list)
    without_open_offer: list = field(default_factory=list)  # every judged offer is closed: not measured

    def figures(self, outcomes=None):
        outcomes = self.outcomes if outcomes is None else outcomes
        count = len(outcomes) or 1
        return {
            "queries": len(outcomes),
            "ndcg10": round(sum(outcome.ndcg for outcome in outcomes) / count, 4),
            "p5": round(sum(outcome.precision for outcome in outcomes) / count, 4),
            "zero_results": round(sum(outcome.total == 0 for outcome in outcomes) / count, 4),
        }

    def by_kind(self):
        kinds = defaultdict(list)
        for outcome in self.outcomes:
            kinds[outcome.query.kind].append(outcome)
        return {kind: self.figures(outcomes) for kind, outcomes in sorted(kinds.items())}

    def table(self):
        lines = [f"Moteur : {self.engine} ; base : {self.database}"]
        lines.append(f"{'type de requête':<16} {'requêtes':>8} {'nDCG@10':>8} {'P@5':>6} {'sans résultat':>14}")
        for kind, figures in [*self.by_kind().items(), ("ensemble", self.figures())]:
            lines.append(
                f"{kind:<16} {figures['queries']:>8} {figures['ndcg10']:>8.3f} {figures['p5']:>6.3f} "
                f"{figures['zero_results']:>14.1%}"
            )
        suggested = [outcome for outcome in self.outcomes if outcome.followed_ndcg is not None]
        if suggested:
            followed = [
                outcome.followed_ndcg if outcome.followed_ndcg is not None else outcome.ndcg
                for outcome in self.outcomes
            ]
            lines.append(
                f"« Vouliez-vous dire » : {len(suggested)} requêtes (sur {sum(o.total <= 2 for o in self.outcomes)} "
                f"à deux résultats ou moins) reçoivent une suggestion ; en la suivant, nDCG@10 "
                f"{sum(followed) / len(followed):.3f} sur l'ensemble"
            )
        if self.without_open_offer:
            texts = ", ".join(f"« {query.text} »" for query in self.without_open_offer)
            lines.append(f"Non mesurées (toutes leurs offres pertinentes sont fermées) : {texts}")
        return "\n".join(lines)

    def details(self):
        lines = []
        for outcome in sorted(self.outcomes, key=lambda outcome: outcome.ndcg):
            shown = " ".join(f"{demo_id}:{grade}" for demo_id, grade in outcome.ranked)
            suggestion = (
                f" ; suggestion « {outcome.suggestion} » : {outcome.followed_ndcg:.3f}" if outcome.suggestion else ""
            )
            lines.append(f"{outcome.ndcg:.3f}  « {outcome.query.text} » ({outcome.total}) → {shown}{suggestion}")
        return "\n".join(lines)


def evaluate(engine, queries=None):
    """Run every judged query on `engine` (a search engine of search.engines) over the demo offers
    loaded in the current database; offers judged but no longer open leave the ideal ordering."""
    from django.db import connection

    from demo.offers import DEMO_SOURCE
    from jobs.models import JobOffer
    from search.query import OfferQuery

    demo_ids = dict(JobOffer.objects.open().filter(source=DEMO_SOURCE).values_list("pk", "external_id"))
    open_demo_ids = set(demo_ids.values())
    report = Report(engine=engine.name, database=connection.vendor)
    for query in queries or judged_queries():
        judged = [grade for demo_id, grade in query.grades.items() if demo_id in open_demo_ids]
        if not judged:
            report.without_open_offer.append(query)
            continue
        results = engine.search(OfferQuery.from_querydict({"q": query.text}), size=CUTOFF)
        ranked = ranked_grades(results, query, demo_ids)
        grades = [grade for _, grade in ranked]
        outcome = QueryOutcome(query, results.total, ranked, ndcg(grades, judged), precision(grades))
        if results.suggestion:
            followed = engine.search(OfferQuery.from_querydict({"q": results.suggestion}), size=CUTOFF)
            outcome.suggestion = results.suggestion
            outcome.followed_ndcg = ndcg([grade for _, grade in ranked_grades(followed, query, demo_ids)], judged)
        report.outcomes.append(outcome)
    return report


def ranked_grades(results, query, demo_ids):
    """(demo id, grade) of each hit, in rank order."""
    return [(demo_ids.get(hit.offer.pk, "?"), query.grades.get(demo_ids.get(hit.offer.pk), 0)) for hit in results.hits]


def baseline(path=BASELINE):
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--details", action="store_true", help="chaque requête, ses premiers résultats et leurs notes")
    parser.add_argument("--write-baseline", action="store_true", help="enregistrer ces chiffres comme référence")
    args = parser.parse_args()

    sys.path.insert(0, str(BASE_DIR))
    os.environ["DJANGO_SETTINGS_MODULE"] = "metnum_site.settings.dev"
    os.environ["DEBUG"] = "false"
    os.environ["TASKS_BACKEND"] = "immediate"
    os.environ["ELASTICSEARCH_INDEX_PREFIX"] = "metnum-relevance"
    from bench.databases import throwaway_database

    with tempfile.TemporaryDirectory() as media, throwaway_database("metnum_relevance_bench") as url:
        os.environ["DATABASE_URL"] = url
        os.environ["MEDIA_ROOT"] = media
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        from search.engines.database import DatabaseEngine
        from search.engines.elasticsearch import ElasticsearchEngine

        call_command("migrate", verbosity=0)
        call_command("load_demo_content", stdout=io.StringIO())
        engines = [DatabaseEngine()]
        if settings.ELASTICSEARCH_URL:
            call_command("search_index", "rebuild", verbosity=0)
            engines.append(ElasticsearchEngine())
        print(f"{len(judged_queries())} requêtes jugées ({JUDGMENTS.relative_to(BASE_DIR)})\n")
        for engine in engines:
            report = evaluate(engine)
            print(report.table() + "\n")
            if args.details:
                print(report.details() + "\n")
            if args.write_baseline and engine.name == "database":
                figures = {**baseline(), report.database: report.figures()}
                BASELINE.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", encoding="utf-8")
                print(f"Référence enregistrée pour {report.database} : {BASELINE.relative_to(BASE_DIR)}")
        if settings.ELASTICSEARCH_URL:
            call_command("search_index", "delete", verbosity=0)


if __name__ == "__main__":
    main()
