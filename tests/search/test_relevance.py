"""The judged queries of bench/relevance.py, as a CI gate: on each database (SQLite, and PostgreSQL
in the PostgreSQL run), nDCG@10 over the demo corpus must not drop below the committed baseline."""

import pytest
from django.db import connection

from bench.relevance import TOLERANCE, baseline, dcg, evaluate, judged_queries, ndcg, precision
from search.engines.database import DatabaseEngine


def test_ndcg_rewards_the_best_offers_first():
    judged = [3, 2, 1]
    assert ndcg([3, 2, 1], judged) == pytest.approx(1.0)
    assert ndcg([1, 2, 3], judged) < ndcg([2, 3, 1], judged) < 1.0
    assert ndcg([0, 3, 2, 1], judged) < ndcg([3, 2, 1, 0], judged)
    assert ndcg([], judged) == 0.0
    assert dcg([3]) == pytest.approx(7.0)  # 2^3 - 1 at rank 1, no discount
    assert precision([3, 0, 2, 1, 2]) == pytest.approx(3 / 5)


def test_the_judged_set_covers_what_candidates_type():
    queries = judged_queries()
    kinds = {query.kind for query in queries}

    assert len(queries) >= 80
    assert len({query.text for query in queries}) == len(queries)
    assert {"metier", "competence", "sigle", "anglais", "faute", "sans_accent", "ville", "teletravail"} <= kinds
    assert {"alternance", "seniorite"} <= kinds
    assert all(max(query.grades.values()) >= 2 for query in queries)


def test_ndcg_stays_at_or_above_the_committed_baseline(demo_content, db):
    report = evaluate(DatabaseEngine())
    committed = baseline()[connection.vendor]

    figures = report.figures()
    assert figures["queries"] == committed["queries"], "le jeu de requêtes a changé : mettez à jour la référence"
    assert figures["ndcg10"] >= committed["ndcg10"] - TOLERANCE, (
        f"nDCG@10 {figures['ndcg10']:.4f} sous la référence {committed['ndcg10']:.4f} "
        f"(bench/judged_queries/baseline.json)\n{report.table()}\n{report.details()}"
    )
