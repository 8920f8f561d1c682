"""Official INSEE codes of the 18 régions and 101 départements, the postal code → département rule
(jobs/data/regions.csv, departements.csv: Code officiel géographique), and the communes with their
coordinates for distance searches (jobs/data/places.csv: GeoNames, CC BY 4.0)."""

import csv
import math
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
POSTAL_CODE = re.compile(r"^\d{5}$")


@dataclass(frozen=True)
class Region:
    code: str
    name: str


@dataclass(frozen=True)
class Departement:
    code: str
    name: str
    region: Region

    @property
    def label(self):
        # The usual French form; "Hauts-de-Seine (92)" would read "Hauts-de-Seine (92) (5)" with a count.
        return f"{self.code} – {self.name}"


@cache
def regions():
    with open(DATA_DIR / "regions.csv", encoding="utf-8") as file:
        return {row["code"]: Region(row["code"], row["nom"]) for row in csv.DictReader(file)}


@cache
def departements():
    with open(DATA_DIR / "departements.csv", encoding="utf-8") as file:
        return {
            row["code"]: Departement(row["code"], row["nom"], regions()[row["region"]]) for row in csv.DictReader(file)
        }


def departement_for_postal_code(postal_code):
    """The département of a French postal code, or None when the code matches no département.

    Postal codes start with the département number, with three exceptions: Corsica (20xxx: 2A below
    20200, 2B from there), overseas départements (97x, three digits), and collectivities sharing a
    prefix that are not départements (Saint-Barthélemy 97133, Saint-Martin 97150).
    """
    postal_code = (postal_code or "").strip()
    if not POSTAL_CODE.match(postal_code):
        return None
    if postal_code.startswith("20"):
        code = "2A" if int(postal_code) < 20200 else "2B"
    elif postal_code.startswith("97"):
        if postal_code in {"97133", "97150"}:
            return None
        code = postal_code[:3]
    else:
        code = postal_code[:2]
    return departements().get(code)


# Places: the communes of "autour de" searches and the coordinates of offers -------------------------

EARTH_RADIUS_KM = 6371.0
KM_PER_DEGREE = math.pi * EARTH_RADIUS_KM / 180
_ARRONDISSEMENT = re.compile(r"\s+\d{1,2}\s*(?:er|e|ème|eme)?(?:\s+arrondissement)?$", re.IGNORECASE)
_CEDEX = re.compile(r"\s+cedex\b.*$", re.IGNORECASE)
_SAINT = re.compile(r"\b(s)(?:ain)?t(e?)\b")


@dataclass(frozen=True, slots=True)  # some 15,000 of them stay in memory
class Place:
    """A commune of jobs/data/places.csv (GeoNames, CC BY 4.0; see places_from_geonames.py)."""

    id: int
    name: str
    region_code: str
    latitude: float
    longitude: float
    population: int

    @property
    def region_name(self):
        region = regions().get(self.region_code)
        return region.name if region else ""

    @property
    def label(self):
        """The name, with its région when other places share it: « Saint-Denis (La Réunion) »."""
        return f"{self.name} ({self.region_name})" if len(places_named(self.name)) > 1 else self.name

    def distance_km(self, latitude, longitude):
        """Great-circle distance to a point, in kilometres."""
        lat1, lat2 = math.radians(self.latitude), math.radians(latitude)
        dlat, dlon = lat2 - lat1, math.radians(longitude - self.longitude)
        a = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
        return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(a))


def place_key(name):
    """A commune name as typed or written by a source, compared: no accents, case, hyphens, "St" for
    "Saint", "Paris 7e" for "Paris", "Clermont-Ferrand Cedex 2" for "Clermont-Ferrand"."""
    name = unicodedata.normalize("NFKD", (name or "").strip().lower())
    name = "".join(char for char in name if not unicodedata.combining(char))
    name = _ARRONDISSEMENT.sub("", _CEDEX.sub("", name))
    name = re.sub(r"[-'’\s]+", " ", name).strip()
    return _SAINT.sub(lambda match: f"saint{'e' if match.group(2) else ''}", name)


@cache
def places():
    with open(DATA_DIR / "places.csv", encoding="utf-8") as file:
        return [
            Place(
                int(row["id"]),
                row["nom"],
                row["region"],
                float(row["latitude"]),
                float(row["longitude"]),
                int(row["population"]),
            )
            for row in csv.DictReader(file)
        ]


@cache
def _places_by_key():
    by_key = {}
    for place in sorted(places(), key=lambda place: -place.population):
        by_key.setdefault(place_key(place.name), []).append(place)
    return by_key


def places_named(name):
    """The places of that name, most populous first."""
    return _places_by_key().get(place_key(name), [])


def place_of(city, region_code=""):
    """The place of an offer's commune (in its région when known), or None."""
    found = places_named(city)
    in_region = [place for place in found if place.region_code == region_code]
    return (in_region or ([] if region_code else found) or [None])[0]


def find_place(label):
    """The place a candidate chose: « Lyon » or « Saint-Denis (La Réunion) » (the form of
    Place.label), or None."""
    match = re.match(r"^(.*?)\s*\(([^()]*)\)\s*$", label or "")
    if match:
        name, region_name = match.groups()
        region = next(
            (code for code, item in regions().items() if place_key(item.name) == place_key(region_name)), None
        )
        if region:
            return place_of(name, region)
    found = places_named(label)
    return found[0] if found else None


def places_starting(text, limit=10):
    """Places whose name starts with the typed text, most populous first."""
    key = place_key(text)
    if len(key) < 2:
        return []
    found = [place for name, group in _places_by_key().items() if name.startswith(key) for place in group]
    return sorted(found, key=lambda place: (place_key(place.name) != key, -place.population))[:limit]
