"""/api/v1/offres/ and /api/v1/institutions/ give what the /offres/ search gives for the same
parameters: the same offers in the same order, the same total, the same employer counts. On the demo
site (147 offers), with the expectations read from the engine /offres/ calls."""

import pytest

from search.engines import get_engine
from search.query import PAGE_SIZE, OfferQuery
from tests.api.helpers import get_json, walk
from tests.search.conftest import querydict

pytestmark = pytest.mark.django_db

QUERIES = [
    {},
    {"q": "développeur"},
    {"q": "données", "tri": "date"},
    {"contrat": ["stage", "apprentissage"]},
    {"region": "11", "teletravail": ["partiel", "total"]},
    {"q": "sécurité", "categorie": "a", "experience": ["confirme", "senior"]},
    {"metier": "developpement", "salaire_min": "45000", "tri": "salaire"},
    {"q": "chef de projet", "tri": "echeance"},
    {"autour": "Lyon", "rayon": "100"},
    {"institution": ["dinum", "anssi"], "q": "produit"},
    {"q": "xylophone introuvable"},
]


@pytest.fixture(autouse=True)
def demo(demo_content, settings):
    settings.ELASTICSEARCH_URL = ""
    settings.API_RATE_LIMIT = 0


def engine_search(params, page=1):
    return get_engine().search(OfferQuery.from_querydict(querydict(params)).on_page(page))


@pytest.mark.parametrize("params", QUERIES, ids=[str(query) for query in QUERIES])
def test_the_first_page_is_the_offer_search_page(client, params):
    expected = engine_search(params)

    body = get_json(client, "api:offers", params)

    assert body["total"] == expected.total
    assert [offer["identifiant"] for offer in body["resultats"]] == [hit.offer.pk for hit in expected.hits]


@pytest.mark.parametrize("params", QUERIES[:4], ids=[str(query) for query in QUERIES[:4]])
def test_walking_the_cursor_gives_every_offer_of_the_search_once_in_its_order(client, params):
    first = engine_search(params)
    expected = [hit.offer.pk for page in range(1, first.page_count + 1) for hit in engine_search(params, page).hits]

    pages, offers = walk(client, {**params, "taille": "7"})

    assert [offer["identifiant"] for offer in offers] == expected
    assert len(expected) == first.total
    assert {page["total"] for page in pages} == {first.total}
    assert all(len(page["resultats"]) == 7 for page in pages[:-1])


def test_the_demo_has_several_pages():
    assert engine_search({}).total > 3 * PAGE_SIZE


@pytest.mark.parametrize("params", QUERIES, ids=[str(query) for query in QUERIES])
def test_employer_counts_are_those_of_the_employer_filter(client, params):
    facet = engine_search(params).facet("institution")
    expected = {value.value: value.count for value in facet.values if value.count}
    if "institution" in params:  # the facet counts the others too (disjunctive); the API lists those asked for
        expected = {slug: count for slug, count in expected.items() if slug in params["institution"]}

    body = get_json(client, "api:institutions", params)

    counts = {item["identifiant"]: item["nombre_offres_ouvertes"] for item in body["resultats"]}
    if params:
        assert counts == expected
    else:
        assert {slug: count for slug, count in counts.items() if count} == expected
    assert body["total"] == len(body["resultats"])
