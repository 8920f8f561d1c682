"""Whatever a URL holds, the search answers; single-valued facet counts add up to the total."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from search.engines.database import DatabaseEngine
from search.query import OfferQuery
from tests.search.conftest import institution, offer, querydict

pytestmark = pytest.mark.django_db

KEYS = [
    "q",
    "institution",
    "metier",
    "contrat",
    "categorie",
    "experience",
    "region",
    "departement",
    "teletravail",
    "salaire_min",
    "publiee",
    "tri",
    "page",
    "inconnu",
]
PLAUSIBLE = [
    "dinum",
    "anssi",
    "developpement",
    "securite",
    "stage",
    "contractuel",
    "a",
    "aplus",
    "senior",
    "11",
    "84",
    "75",
    "69",
    "2A",
    "total",
    "partiel",
    "7",
    "30",
    "pertinence",
    "salaire",
    "echeance",
    "45000",
    "0",
    "-3",
    "999999999999999999999999",
    "développeur",
    "l'État",
    "le",
    "données python",
]
VALUES = st.one_of(st.sampled_from(PLAUSIBLE), st.text(max_size=40))
PARAMS = st.dictionaries(st.sampled_from(KEYS), st.lists(VALUES, min_size=1, max_size=3), max_size=7)


@pytest.fixture
def corpus(db):
    dinum, anssi = institution("dinum"), institution("anssi")
    offer("Développeur Python", institution=dinum, postal_code="75007", salary_min=45_000, days_ago=2)
    offer("Développeuse Java", institution=dinum, postal_code="69003", contract_codes=("stage",), remote="total")
    offer("Analyste données", institution=anssi, postal_code="31000", category="aplus", days_ago=20)
    offer("Cheffe de projet", institution=anssi, postal_code="78000", salary_min=50_000, salary_max=60_000)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=PARAMS)
def test_any_parameters_give_an_answer_whose_counts_add_up(corpus, params):
    query = OfferQuery.from_querydict(querydict(params))
    results = DatabaseEngine().search(query)

    assert 1 <= results.page <= results.page_count
    assert len(results.hits) <= 20
    for name in ("institution", "region"):  # every open offer has exactly one of each
        if not query.selected(name):
            assert sum(value.count for value in results.facet(name).values) == results.total
