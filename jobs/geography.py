"""Official INSEE codes of the 18 régions and 101 départements, the postal code → département rule
(jobs/data/regions.csv, departements.csv: Code officiel géographique), and the communes with their
coordinates for distance searches (jobs/data/places.csv: GeoNames, CC BY 4.0)."""

import csv
import math
import re
import sys
import unicodedata
from array import array
from bisect import bisect_left
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


@dataclass(frozen=True, slots=True)
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
        """The name, with its région when a place of another région shares it: « Saint-Denis
        (La Réunion) ». Lyon stays « Lyon »: its arrondissements, named alike, are in its région."""
        shared = any(place.region_code != self.region_code for place in places_named(self.name))
        return f"{self.name} ({self.region_name})" if shared else self.name

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


class PlaceTable:
    """The communes of jobs/data/places.csv in columns, most populous first, and their row numbers by
    place_key(): a Place is made when asked for. An import keeps the table for its whole run, within
    a memory budget (docs/benchmarks.md): 15,000 Place objects and a dictionary of their names took 8 MB,
    these columns 3 MB."""

    def __init__(self, path):
        ids, names, region_codes = array("q"), [], []
        latitudes, longitudes, populations = array("d"), array("d"), array("q")
        with open(path, encoding="utf-8") as file:
            rows = csv.reader(file)
            columns = next(rows)
            at = {name: columns.index(name) for name in ("id", "nom", "region", "latitude", "longitude", "population")}
            for row in rows:  # row by row: a list of 15,000 rows would stay in the process's memory
                ids.append(int(row[at["id"]]))
                names.append(row[at["nom"]])
                region_codes.append(sys.intern(row[at["region"]]))
                latitudes.append(float(row[at["latitude"]]))
                longitudes.append(float(row[at["longitude"]]))
                populations.append(int(row[at["population"]]))
        order = sorted(range(len(ids)), key=lambda number: -populations[number])
        self.ids = array("q", (ids[number] for number in order))
        self.names = [names[number] for number in order]
        self.region_codes = [region_codes[number] for number in order]
        self.latitudes = array("d", (latitudes[number] for number in order))
        self.longitudes = array("d", (longitudes[number] for number in order))
        self.populations = array("q", (populations[number] for number in order))
        # The names' keys in order, beside their row numbers: a bisection finds a name, or the names
        # starting with a prefix, without a dictionary of 15,000 entries.
        keyed = sorted((place_key(name), number) for number, name in enumerate(self.names))
        self.keys = [key for key, _ in keyed]
        self.key_rows = array("q", (number for _, number in keyed))

    def place(self, number):
        return Place(
            self.ids[number],
            self.names[number],
            self.region_codes[number],
            self.latitudes[number],
            self.longitudes[number],
            self.populations[number],
        )

    def named(self, key):
        """The places whose name has the key `key`, most populous first."""
        return self.places_from(key, lambda found: found == key)

    def starting(self, prefix):
        """The places whose name's key starts with `prefix`."""
        return self.places_from(prefix, lambda found: found.startswith(prefix))

    def places_from(self, key, matches):
        places, position = [], bisect_left(self.keys, key)
        while position < len(self.keys) and matches(self.keys[position]):
            places.append(self.place(self.key_rows[position]))
            position += 1
        return places


@cache
def place_table():
    return PlaceTable(DATA_DIR / "places.csv")


def places_named(name):
    """The places of that name, most populous first."""
    return place_table().named(place_key(name))


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
    """Places whose name starts with the typed text, most populous first, one per name and région,
    without the arrondissements of a city already proposed: they would push other communes out of
    the list, and « Lyon 03 » is found as « Lyon » anyway (place_key)."""
    key = place_key(text)
    if len(key) < 2:
        return []
    found = sorted(place_table().starting(key), key=lambda place: (place_key(place.name) != key, -place.population))
    distinct = {}
    for place in found:
        city = city_of_district(place) or place
        distinct.setdefault((place_key(city.name), place.region_code), place)
        if len(distinct) == limit:
            break
    return list(distinct.values())


DISTRICT_MAX_KM = 15


def city_of_district(place):
    """The city of an arrondissement or quarter that places.csv lists on its own (« Lyon 03 »,
    « Paris 15 Vaugirard », « Marseille Endoume »): a more populous place of the same région, within
    DISTRICT_MAX_KM, whose name the place's name continues after a space. Otherwise None."""
    words = place.name.split(" ")
    for count in range(1, len(words)):
        city = place_of(" ".join(words[:count]), place.region_code)
        if (
            city is not None
            and city.population > place.population
            and city.distance_km(place.latitude, place.longitude) <= DISTRICT_MAX_KM
        ):
            return city
    return None
