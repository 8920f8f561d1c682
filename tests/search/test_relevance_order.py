"""The order of a text search sorted by relevance, page after page: the score of search/ranking.py,
then the newest first. On PostgreSQL the statement computes it in two steps (bounds from the titles,
then the exact score of the offers that may reach the page, walked best bound first until the page
is settled: db_statement.Ranking); the pages must be exactly those of the one-step definition."""

import random

import pytest
from django.db import connection, transaction

from search.engines import db_statement
from search.engines.database import DatabaseEngine
from search.query import PAGE_SIZE, OfferQuery
from search.ranking import PHRASE_IN_TITLE_BONUS, WEIGHT_CONTEXT, WEIGHT_CORE, WEIGHT_TITLE
from tests.search.conftest import offer, querydict

pytestmark = pytest.mark.django_db

# Words the French stemmer keeps whole, found in no default text of an offer.
WORDS = ("python", "kubernetes", "cobol", "fortran", "linux")
WEIGHTS = {"title": WEIGHT_TITLE, "core": WEIGHT_CORE, "context": WEIGHT_CONTEXT}


# Before the corpus is written (it stays for the rest of the module).
def test_an_offer_scored_by_its_body_alone_reaches_the_page_it_ties_into():
    """The exact score of an offer whose words are all in its missions (5 × 2) ties with offers having
    one word in their title and four in their team (6 + 4 × 1): its title alone promises only 5, yet
    as the newest of the tie it comes first."""
    words = ("linux", "fortran", "cobol", "python", "kubernetes")
    in_missions = offer("Poste", days_ago=0, missions=f"<p>Missions {' '.join(words)}.</p>", team="Équipe")
    in_titles = [
        offer(f"Poste {words[number % 5]}", days_ago=number + 1, team="Équipe " + " ".join(words))
        for number in range(PAGE_SIZE + 5)
    ]

    query = OfferQuery.from_querydict(querydict({"q": " ".join(words)}))
    results = DatabaseEngine().search(query)

    assert [hit.offer.pk for hit in results.hits] == [in_missions.pk, *(item.pk for item in in_titles[: PAGE_SIZE - 1])]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """90 offers, each word of WORDS placed in the title, the missions (core), the team (context) or
    nowhere, at random but the same on every run; one publication day each, so no two tie. Written
    once for the module's searches, which only read them, and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield written_corpus()
        transaction.set_rollback(True)


def written_corpus():
    rng = random.Random(20261204)
    offers = []
    for number in range(90):
        places = {word: rng.choice(["title", "title", "core", "core", "context", None]) for word in WORDS}
        in_title = [word for word in WORDS if places[word] == "title"]
        rng.shuffle(in_title)
        created = offer(
            " ".join(["Poste", *in_title]),
            days_ago=number,
            missions="<p>" + " ".join(["Missions", *(word for word in WORDS if places[word] == "core")]) + ".</p>",
            team=" ".join(["Équipe", *(word for word in WORDS if places[word] == "context")]),
        )
        offers.append((created, places, in_title))
    return offers


def expected_order(corpus, words):
    scored = []
    for created, places, in_title in corpus:
        if any(places[word] is None for word in words):
            continue
        score = sum(WEIGHTS[places[word]] for word in words)
        phrase = list(words)
        if any(in_title[start : start + len(phrase)] == phrase for start in range(len(in_title))):
            score += PHRASE_IN_TITLE_BONUS
        scored.append((-score, -created.first_published_at.timestamp(), created.pk))
    return [pk for _, _, pk in sorted(scored)]


@pytest.mark.parametrize(
    "words",
    [
        ("python",),
        ("kubernetes", "python"),
        ("cobol", "python", "kubernetes"),
        # Five words: an offer with none of them in its title can tie one with four there (5 × 2 = 4 × 1 + 6).
        ("linux", "fortran", "cobol", "python", "kubernetes"),
    ],
)
def test_every_page_follows_the_score_then_the_newest(corpus, words):
    expected = expected_order(corpus, words)
    assert len(expected) > PAGE_SIZE  # more than one page, and pages that cut through a score

    assert pages_found(words, len(expected)) == expected


@pytest.mark.skipif(connection.vendor != "postgresql", reason="SQLite computes the exact score of every offer")
@pytest.mark.parametrize("words", [("python",), ("kubernetes", "python"), ("cobol", "python", "kubernetes")])
def test_a_short_walk_settles_some_pages_and_scores_every_offer_for_the_others(corpus, words, monkeypatch):
    """The walk as short as it can be (the offers up to the end of the page): pages it settles and
    pages it cannot (then every offer that may reach the page is scored) are both exact."""
    monkeypatch.setattr(db_statement, "SCORED_FIRST", 1)
    monkeypatch.setattr(db_statement, "SCORED_PER_PAGE_PLACE", 1)
    walks = []
    run = db_statement.run

    def recorded_run(*args, **kwargs):
        outcome = run(*args, **kwargs)
        walks.append(outcome.walk_settled)
        return outcome

    monkeypatch.setattr(db_statement, "run", recorded_run)
    expected = expected_order(corpus, words)

    assert pages_found(words, len(expected)) == expected
    assert set(walks) == {True, False}


def pages_found(words, total):
    found = []
    for page in range(1, (total + PAGE_SIZE - 1) // PAGE_SIZE + 1):
        query = OfferQuery.from_querydict(querydict({"q": " ".join(words), "page": str(page)}))
        results = DatabaseEngine().search(query)
        assert results.total == total
        found += [hit.offer.pk for hit in results.hits]
    return found
