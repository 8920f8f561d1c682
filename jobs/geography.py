"""Official INSEE codes of the 18 régions and 101 départements, and the postal code → département
rule. Reference data lives in jobs/data/*.csv (Code officiel géographique)."""

import csv
import re
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
