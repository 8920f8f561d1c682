"""The same offer from Choisir le service public and France Travail stays one offer."""

import json

import pytest
from django.utils import timezone

from intake.models import IntakeRun, SourceLink
from jobs.models import JobOffer
from tests.intake.helpers import csp_row, run_intake_command
from tests.intake.test_csp_open_data import write

pytestmark = pytest.mark.django_db


def france_travail(tmp_path, *records):
    published = timezone.localdate().isoformat() + "T08:00:00.000Z"
    items = [
        {
            "id": reference,
            "intitule": title,
            "description": "Missions.",
            "dateCreation": published,
            "lieuTravail": {"libelle": "75 - PARIS 07", "codePostal": "75007"},
            "romeCode": "M1805",
            "entreprise": {"nom": "DINUM"},
            "typeContrat": "CDD",
            "natureContrat": "Contrat travail",
            "salaire": {},
            "origineOffre": {
                "urlOrigine": f"https://candidat.francetravail.fr/offres/recherche/detail/{reference}",
                "partenaires": [{"nom": "PARTENAIRE", "url": link}] if link else [],
            },
        }
        for reference, title, link in records
    ]
    path = tmp_path / "france-travail.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def test_the_same_offer_from_two_sources_is_one_offer(institutions, tmp_path):
    run_intake_command("csp", write(tmp_path, [csp_row()]))
    csp_offer = JobOffer.objects.get(source="csp")
    path = france_travail(
        tmp_path,
        (
            "FT-REF",
            "Intitulé réécrit par France Travail",
            "https://choisirleservicepublic.gouv.fr/offre-emploi/2026-1000001/",
        ),
        ("FT-SIM", "Développeuse ou développeur Python (H/F)", ""),
        ("FT-NEW", "Cheffe ou chef de projet data", ""),
    )

    status, out, err = run_intake_command("france-travail", path)

    assert status == 0, err
    assert "Déjà publiée : n° 1, référence « FT-REF »" in out
    assert "référence « 2026-1000001 » de la source csp" in out
    assert "Déjà publiée : n° 2, référence « FT-SIM »" in out
    assert "même intitulé" in out
    assert set(JobOffer.objects.values_list("source", "external_id")) == {
        ("csp", "2026-1000001"),
        ("france-travail", "FT-NEW"),
    }
    links = {link.external_id: link for link in SourceLink.objects.all()}
    assert links.keys() == {"FT-REF", "FT-SIM"}
    assert {link.offer_id for link in links.values()} == {csp_offer.pk}
    assert links["FT-REF"].url == "https://candidat.francetravail.fr/offres/recherche/detail/FT-REF"
    assert IntakeRun.objects.filter(kind="france-travail").get().duplicates == 2

    # Run again: the links hold, nothing new.
    run_intake_command("france-travail", path)
    assert JobOffer.objects.count() == 2 and SourceLink.objects.count() == 2


def test_when_the_first_source_closes_the_offer_the_other_brings_it_back(institutions, tmp_path):
    run_intake_command(
        "csp", write(tmp_path, [csp_row(), csp_row(**{"Référence": "autre", "Intitulé du poste": "Data engineer"})])
    )
    path = france_travail(tmp_path, ("FT-SIM", "Développeuse ou développeur Python (H/F)", ""))
    run_intake_command("france-travail", path)
    assert not JobOffer.objects.filter(source="france-travail").exists()

    # The weekly CSP file no longer lists it: closed at CSP's full run…
    run_intake_command(
        "csp",
        write(tmp_path, [csp_row(**{"Référence": "autre", "Intitulé du poste": "Data engineer"})]),
        "--close-missing",
    )
    assert not JobOffer.objects.get(external_id="2026-1000001").live
    # … and France Travail, still listing it, now publishes its own.
    run_intake_command("france-travail", path)
    assert JobOffer.objects.get(source="france-travail", external_id="FT-SIM").live


def test_different_commune_or_title_is_another_offer(institutions, tmp_path):
    run_intake_command("csp", write(tmp_path, [csp_row()]))
    path = france_travail(tmp_path, ("FT-1", "Développeuse ou développeur Java", ""))
    run_intake_command("france-travail", path)
    assert JobOffer.objects.filter(source="france-travail", external_id="FT-1").exists()
