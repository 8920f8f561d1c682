"""Real feeds of other public job sites (read where they are, never copied into the project).

They are not in MetNum's format: the importer must refuse each of them cleanly, writing nothing.
The Choisir le service public rows also check our postal code → département rule against theirs.
"""

import json
import os
import re
from pathlib import Path

import pytest
from wagtail.models import Revision

from jobs.geography import departement_for_postal_code
from jobs.models import JobOffer
from tests.jobs.importing import run_import

REPO_ROOT = Path(__file__).resolve().parents[2]


def realfeeds_dir():
    """REALFEEDS_DIR, else the shared folder beside the repository, else /work/shared/realfeeds."""
    candidates = [os.environ.get("REALFEEDS_DIR"), REPO_ROOT.parent / "shared" / "realfeeds", "/work/shared/realfeeds"]
    for candidate in candidates:
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


FEEDS = realfeeds_dir()
pytestmark = pytest.mark.skipif(
    FEEDS is None, reason="flux réels absents : définissez REALFEEDS_DIR ou placez-les dans ../shared/realfeeds"
)
CSP_JSONL = "csp_datagouv_offres_projection_fraware_lot_00_head.jsonl"


def feed(name):
    path = FEEDS / name
    if not path.exists():
        pytest.skip(f"flux réel absent : {path}")
    return path


@pytest.mark.parametrize(
    "name, message",
    [
        (CSP_JSONL, "colonnes obligatoires absentes : external_id, title, institution"),
        ("pep_talentsoft_export_2021_semicolon.csv", "colonnes obligatoires absentes"),
        ("pep_to_pole_emploi_partner_export_2021_pipe.csv", "colonnes obligatoires absentes"),
        ("france_travail_offres_v2_public_employers.json", "tableau JSON, pas du JSON Lines"),
        ("csp_talentsoft_api_offersummaries_betagouv_csplab.json", "tableau JSON, pas du JSON Lines"),
        ("csp_talentsoft_api_offer_detail_betagouv_csplab.json", "ni un fichier CSV ni un fichier JSON Lines"),
        ("csp_datagouv_schema_emplois_publics.json", "ni un fichier CSV ni un fichier JSON Lines"),
    ],
)
def test_foreign_feeds_are_refused_cleanly(institutions, name, message):
    status, out, err = run_import(feed(name), source="flux-reel")

    assert status == 2
    assert "Fichier refusé, rien n'a été enregistré" in err and message in err
    assert out == ""
    assert not JobOffer.objects.exists() and not Revision.objects.exists()


def test_postal_codes_of_choisir_le_service_public_fall_in_the_departement_they_state():
    checked = 0
    for line in feed(CSP_JSONL).read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        postal_codes = re.findall(r"\b(\d{5})\b", row.get("lieu_affectation") or "")
        departement = re.search(r"\((\w{2,3})\)\s*$", row.get("localisation") or "")
        if not postal_codes or not departement:
            continue
        found = departement_for_postal_code(postal_codes[-1])
        assert found is not None, row["lieu_affectation"]
        assert found.code == departement.group(1), (row["lieu_affectation"], row["localisation"])
        checked += 1
    assert checked >= 10  # the sample has a dozen such rows: the check is not vacuous
