"""The communes and their points (jobs/geography.py, jobs/data/places.csv: GeoNames), and the point of
each offer's commune, set when it is saved or imported."""

import pytest

from jobs import geography
from jobs.importer import import_offers
from jobs.models import JobOffer
from tests.search.conftest import offer


@pytest.mark.parametrize(
    ("typed", "region", "expected"),
    [
        ("Lyon", "84", "Lyon"),
        ("Paris 7e", "11", "Paris"),
        ("PARIS 15E ARRONDISSEMENT", "11", "Paris"),
        ("St-Mandé", "11", "Saint-Mandé"),
        ("saint mande", "11", "Saint-Mandé"),
        ("Ste-Foy-lès-Lyon", "84", "Sainte-Foy-lès-Lyon"),
        ("Saint-Denis", "04", "Saint-Denis"),
        ("CLERMONT FERRAND CEDEX 2", "84", "Clermont-Ferrand"),
        ("Lyon Cedex 03", "84", "Lyon"),
    ],
)
def test_a_commune_is_found_however_a_source_writes_it(typed, region, expected):
    place = geography.place_of(typed, region)
    assert place is not None and place.name == expected and place.region_code == region


def test_a_name_shared_by_several_communes_is_told_apart_by_its_region():
    reunion, ile_de_france = (
        geography.find_place("Saint-Denis (La Réunion)"),
        geography.find_place("Saint-Denis (Île-de-France)"),
    )
    assert (reunion.region_code, ile_de_france.region_code) == ("04", "11")
    assert reunion.label == "Saint-Denis (La Réunion)"
    assert reunion.distance_km(ile_de_france.latitude, ile_de_france.longitude) > 9000
    assert geography.find_place("Atlantide") is None
    labels = [place.label for place in geography.places_starting("saint-de", limit=3)]
    assert labels[:2] == ["Saint-Denis (La Réunion)", "Saint-Denis (Île-de-France)"]


def test_a_city_and_its_arrondissements_are_proposed_once_under_its_own_name():
    for typed, city in (("lyo", "Lyon"), ("pari", "Paris"), ("marseil", "Marseille")):
        labels = [place.label for place in geography.places_starting(typed)]
        assert labels[0] == city, labels
        assert not [label for label in labels if label.startswith(f"{city} ")], labels
        assert geography.find_place(city).name == city
    assert "Juigné sur Loire" in [place.name for place in geography.places_starting("juigne")]  # 35 km away
    # Typed from an old link or alert, the région form still finds the city.
    assert geography.find_place("Lyon (Auvergne-Rhône-Alpes)").name == "Lyon"


def test_great_circle_distances_are_right():
    paris, lyon = geography.find_place("Paris"), geography.find_place("Lyon")
    assert paris.distance_km(lyon.latitude, lyon.longitude) == pytest.approx(392, abs=3)


@pytest.mark.django_db
def test_an_offer_gets_its_communes_point_when_saved_and_imported(offer_row):
    saved = offer("Analyste", city="Villeurbanne", postal_code="69100")
    villeurbanne = geography.place_of("Villeurbanne", "84")
    assert (saved.latitude, saved.longitude) == (villeurbanne.latitude, villeurbanne.longitude)

    saved.city = "Commune inventée"
    saved.save()
    assert (saved.latitude, saved.longitude) == (None, None)

    import_offers([dict(offer_row, city="Rennes", postal_code="35000")], "csp")
    imported = JobOffer.objects.get(source="csp")
    assert round(imported.latitude, 1) == 48.1 and round(imported.longitude, 1) == -1.7
