"""« Autour de <commune> » on /offres/: the radius filter on every engine, its counts, its page, its
Elasticsearch request (the communes and the offers' points: tests/jobs/test_places.py)."""

import pytest
from bs4 import BeautifulSoup

from jobs import geography
from search.engines.elasticsearch import OfferFacetedSearch
from search.query import OfferQuery
from tests.search.conftest import querydict

from .conftest import offer

# (commune, postal code) and their distance to Lyon's town centre, about: 0, 5, 25 and 95 km.
AROUND_LYON = [("Lyon", "69003"), ("Villeurbanne", "69100"), ("Vienne", "38200"), ("Grenoble", "38000")]


@pytest.fixture
def around_lyon(search):
    for city, postal_code in AROUND_LYON:
        offer(f"Offre à {city}", city=city, postal_code=postal_code, remote="partiel" if city != "Vienne" else "total")
    offer("Offre à Paris", city="Paris", postal_code="75001")
    offer("Offre sans commune connue", city="Commune inventée", postal_code="69001")
    return search


@pytest.mark.parametrize(
    ("radius", "cities"),
    [
        ("10", {"Lyon", "Villeurbanne"}),
        ("30", {"Lyon", "Villeurbanne", "Vienne"}),
        ("50", {"Lyon", "Villeurbanne", "Vienne"}),
        ("100", {"Lyon", "Villeurbanne", "Vienne", "Grenoble"}),
    ],
)
def test_the_radius_keeps_the_offers_within_it_and_the_counts_follow(around_lyon, radius, cities):
    results = around_lyon(autour="Lyon", rayon=radius)

    assert {hit.offer.city for hit in results.hits} == cities
    assert results.total == len(cities)
    remote = {value.value: value.count for value in results.facet("teletravail").values}
    assert remote == {"partiel": len(cities - {"Vienne"}), **({"total": 1} if "Vienne" in cities else {})}


def test_the_radius_combines_with_text_and_facets(around_lyon):
    assert around_lyon.titles(autour="Lyon", rayon="100", teletravail="total") == ["Offre à Vienne"]
    assert around_lyon.titles(autour="Lyon", rayon="10", q="Villeurbanne") == ["Offre à Villeurbanne"]
    nothing = around_lyon(autour="Lyon", rayon="10", teletravail="total")
    assert nothing.total == 0
    assert (nothing.relaxation.name, nothing.relaxation.total) == ("teletravail", 2)


@pytest.mark.parametrize(
    ("params", "notice"),
    [
        ({"autour": "Atlantide"}, "La commune «\u00a0Atlantide\u00a0» est introuvable : ce filtre est ignoré."),
        ({"autour": "Lyon", "rayon": "42"}, "Le rayon de 42\u00a0km n'est pas proposé : 30\u00a0km sont appliqués."),
        ({"autour": "Lyon", "rayon": "loin"}, "Le rayon «\u00a0loin\u00a0» n'est pas un nombre de kilomètres"),
    ],
)
def test_an_unknown_commune_or_radius_is_explained_not_an_error(params, notice):
    query = OfferQuery.from_querydict(querydict(params))

    assert any(sentence.startswith(notice) for sentence in query.notices), query.notices
    assert query.radius_km == 30


@pytest.mark.django_db
def test_the_page_shows_the_distance_the_filter_and_a_removable_tag(client, settings):
    settings.ELASTICSEARCH_URL = ""
    for city, postal_code in AROUND_LYON:
        offer(f"Offre à {city}", city=city, postal_code=postal_code)

    page = BeautifulSoup(client.get("/offres/", {"autour": "Lyon", "rayon": "50"}).content, "html.parser")

    field = page.select_one("input#filtre-autour")
    assert field["value"] == "Lyon"
    assert page.select_one("label[for=filtre-autour]") and page.select_one("label[for=filtre-rayon]")
    assert page.select_one("select#filtre-rayon option[selected]")["value"] == "50"
    cards = {
        card.select_one(".fr-card__title").get_text(strip=True): card.get_text(" ", strip=True)
        for card in page.select(".fr-card")
    }
    assert "À 25\u00a0km de Lyon" in cards["Offre à Vienne"]
    assert "À moins d'un kilomètre de Lyon" in cards["Offre à Lyon"] or "À 1\u00a0km" in cards["Offre à Lyon"]
    tag = next(a for a in page.select("a") if a.get_text(strip=True).startswith("À 50\u00a0km autour de Lyon"))
    assert "autour" not in tag["href"] and "rayon" not in tag["href"]

    unknown = BeautifulSoup(client.get("/offres/", {"autour": "Lyonn"}).content, "html.parser")
    assert unknown.select_one("input#filtre-autour")["value"] == "Lyonn"
    assert unknown.select_one("#filtre-autour-erreur")


@pytest.mark.django_db
def test_the_communes_endpoint_proposes_labels(client):
    found = client.get("/offres/communes", {"q": "villeur"}).json()["communes"]
    assert found[0] == "Villeurbanne"
    assert client.get("/offres/communes", {"q": "v"}).json() == {"communes": []}


@pytest.mark.django_db
def test_elasticsearch_filters_by_the_same_flat_distance():
    from search.engines.database import Taxonomies

    query = OfferQuery.from_querydict(querydict({"autour": "Lyon", "rayon": "30"}))
    body = OfferFacetedSearch(query, Taxonomies()).request_body()
    lyon = geography.find_place("Lyon")

    assert {
        "geo_distance": {
            "distance": "30km",
            "distance_type": "plane",
            "location": {"lat": lyon.latitude, "lon": lyon.longitude},
        }
    } in body["query"]["bool"]["filter"]


@pytest.mark.django_db
def test_the_elasticsearch_document_holds_the_point():
    from search import es

    mapped = offer("Analyste", city="Lyon", postal_code="69003")
    assert es.OfferDocument._doc_type.mapping.to_dict()["properties"]["location"] == {"type": "geo_point"}
    assert es.offer_source(mapped)["location"] == {"lat": mapped.latitude, "lon": mapped.longitude}
