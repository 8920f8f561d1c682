"""The real samples of ../shared/realfeeds (read where they are; skipped when absent), through each
adapter and the importer."""

import datetime
import json

import pytest

from intake.adapters import ADAPTERS, CSP_COLUMNS
from intake.mapping import deadline_column
from intake.models import DigitalRule, SourceEmployer
from intake.pipeline import run_intake
from jobs.models import Institution, JobOffer
from tests.intake.helpers import csp_csv, feed

pytestmark = pytest.mark.django_db

# The JSON Lines projection renamed the 30 columns of the open data CSV (README of realfeeds); the
# columns it does not carry are written empty.
CSP_RENAMED = {
    "Organisme de rattachement": "organisme",
    "Référence": "reference",
    "Versant": "versant",
    "Métier": "metier",
    "Statut du poste": "statut_poste",
    "Nature de l'emploi": "nature_emploi",
    "Durée du contrat": "duree_contrat",
    "Intitulé du poste": "intitule",
    "Localisation du poste": "localisation",
    "Lieu d'affectation": "lieu_affectation",
    "Niveau d'études": "niveau_etudes",
    "Niveau d'expérience min. requis": "experience_minimale",
    "Date de vacance de l'emploi": "date_vacance",
    "Date de début de publication par défaut": "publication_debut",
    "Date de fin de publication par défaut": "publication_fin",
    "Date de première publication": "premiere_publication",
    "Spécialisation": "specialisation",
    "Télétravail": "teletravail",
    "Employeur": "employeur",
    "Catégorie": "categorie",
    "Compétences attendues": "competences_attendues",
    "Nature de contrat": "nature_contrat",
}


@pytest.fixture
def csp_open_data(tmp_path):
    lines = feed("csp_datagouv_offres_projection_fraware_lot_00_head.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()]
    rows = [{column: record.get(key) or "" for column, key in CSP_RENAMED.items()} for record in records]
    path = tmp_path / "offres-datagouv.csv"
    path.write_bytes(b"\xef\xbb\xbf" + csp_csv(rows, columns=CSP_COLUMNS).encode())
    return path, records


def test_csp_open_data_sample(institutions, csp_open_data):
    path, records = csp_open_data
    Institution.objects.create(name="Service infrastructure de la défense", acronym="SID", slug="sid")
    DigitalRule.objects.create(field="intitule", pattern="contract manager", note="pour le test")

    report = run_intake(ADAPTERS["csp"](), path, today=datetime.date(2026, 10, 1))

    assert len(report.kept) + len(report.dropped) + len(report.set_aside) == len(records) == 14
    assert [decision.reference for decision in report.kept] == ["DEF_27-00070288"]
    assert report.result.created == 1 and not report.result.errors
    offer = JobOffer.objects.get(source="csp", external_id="DEF_27-00070288")
    assert offer.institution.acronym == "SID"  # « Service infrastructure de la défense (SID) »
    assert (offer.city, offer.postal_code) == ("Toulon", "83000")  # « ARSENAL CASTIGNEAU\n83000 TOULON »
    assert (offer.category, offer.remote, offer.experience_level) == ("a", "partiel", "expert")
    assert offer.deadline == datetime.date(2026, 12, 9)
    assert "Fonction publique : État" in offer.missions
    # The other rows are care, social, technical or administrative jobs: dropped by the default rules,
    # or past their deadline on 1 October 2026.
    reasons = {decision.reference: decision.why for decision in report.dropped}
    assert reasons["O085260623000581"].startswith("aucune règle")


def test_csp_open_data_sample_mapping(csp_open_data):
    path, _ = csp_open_data
    records = {record.reference: record for record in ADAPTERS["csp"]().records(path)}

    pissotte = records["O085260623000581"].row
    assert (pissotte["postal_code"], pissotte["city"], pissotte["category"]) == ("85200", "Pissotte", "b")
    assert pissotte["versant"] == "territoriale"
    # No end of publication in the source: the rolling deadline (mapping.deadline_column).
    assert records["2026-2173337"].row["deadline"] == deadline_column(None)
    assert records["2026-2173337"].row["city"] == "Clermont Ferrand"  # « 63014 CLERMONT FERRAND CEDEX 2 »
    assert records["O076260910001190"].row["contract_types"] == "contractuel"
    assert records["2026-2352316"].employers[0].startswith("Ministère de la Justice")
    assert records["2026-2226644"].row["postal_code"] == ""  # no place: the importer rejects it


def test_csp_api_detail(institutions):
    Institution.objects.create(name="Université de Strasbourg", slug="unistra", kind="etablissement_public")
    DigitalRule.objects.create(field="metier", pattern="maintenance générale des bâtiments")

    report = run_intake(
        ADAPTERS["csp-api"](),
        feed("csp_talentsoft_api_offer_detail_betagouv_csplab.json"),
        today=datetime.date(2026, 3, 20),
    )

    assert report.result.created == 1, report.result.errors
    offer = JobOffer.objects.get(source="csp", external_id="2026-2226653")
    assert (offer.city, offer.postal_code, offer.category, offer.versant) == ("Strasbourg", "67000", "b", "etat")
    assert (offer.remote, offer.experience_level) == ("partiel", "debutant")
    assert offer.deadline == datetime.date(2026, 4, 15)
    assert offer.apply_url.startswith("https://ats.test.com/")
    assert "<b>CDD 1 an</b>" in offer.missions
    assert "<li>Fonction publique : État</li>" in offer.missions
    assert "Direction du Patrimoine Immobilier" in offer.team_context
    assert "Habilitations électriques" in offer.benefits


def test_csp_api_summaries(institutions):
    report = run_intake(
        ADAPTERS["csp-api"](),
        feed("csp_talentsoft_api_offersummaries_betagouv_csplab.json"),
        today=datetime.date(2026, 2, 1),
    )
    assert [decision.reference for decision in report.dropped] == ["2025-2092413", "MENJ-20-2026-35262"]
    records = list(ADAPTERS["csp-api"]().records(feed("csp_talentsoft_api_offersummaries_betagouv_csplab.json")))
    assert records[0].row["apply_email"] == "recrutement@example.gouv.fr"
    assert "Fonction publique : État" in records[0].row["description"]  # salaryRange holds the versant
    assert records[0].row["postal_code"] == ""  # summaries give only the département


def test_france_travail_sample(institutions):
    Institution.objects.create(name="Communauté de communes Moselle et Madon", slug="ccmm", kind="autre")

    report = run_intake(
        ADAPTERS["france-travail"](),
        feed("france_travail_offres_v2_public_employers.json"),
        today=datetime.date(2025, 3, 10),
    )

    kept = {decision.reference for decision in report.kept}
    assert kept == {"8515252", "186CHYQ"}
    dropped = {decision.reference for decision in report.dropped}
    assert {"184RFDJ", "184NXTK", "183YWHT", "184KMKT"} <= dropped
    assert "185TPMB" in {decision.reference for decision in report.set_aside}  # « RECTORAT »
    data_scientist = JobOffer.objects.get(source="france-travail", external_id="8515252")
    assert data_scientist.institution.name == "France Travail"  # « France Travail - Direction Generale PE »
    assert (data_scientist.city, data_scientist.postal_code) == ("Paris", "75020")
    admin = JobOffer.objects.get(external_id="186CHYQ")
    assert (admin.salary_min, admin.salary_max) == (25_200, 30_000)  # « Mensuel de 2100.0 à 2500.0 sur 12 mois »
    assert (admin.city, admin.postal_code) == ("Neuves Maisons", "54230")
    assert [contract.code for contract in admin.contract_types.all()] == ["contractuel"]
    assert SourceEmployer.objects.filter(source="france-travail", name="Employeur non indiqué").exists()
    assert not SourceEmployer.objects.filter(name__icontains="France Travail").exists()


def test_pep_semicolon_sample(institutions):
    report = run_intake(
        ADAPTERS["pep-semicolon"](), feed("pep_talentsoft_export_2021_semicolon.csv"), today=datetime.date(2021, 1, 15)
    )

    assert {decision.reference for decision in report.kept} == {"2021-527978", "2021-528023"}
    justice = JobOffer.objects.get(source="pep", external_id="2021-527978")
    assert justice.institution.name == "Ministère de la Justice"
    assert (justice.city, justice.postal_code, justice.category) == ("Dijon", "21077", "a")
    assert justice.apply_email == "recrutement@example.gouv.fr"
    armees = JobOffer.objects.get(external_id="2021-528023")
    assert (armees.institution.acronym, armees.postal_code) == ("MINARM", "94270")
    assert SourceEmployer.objects.filter(source="pep", name="Université de Bordeaux", records=1).exists()


def test_pep_pipe_sample(institutions):
    report = run_intake(
        ADAPTERS["pep-pipe"](), feed("pep_to_pole_emploi_partner_export_2021_pipe.csv"), today=datetime.date(2021, 5, 1)
    )

    assert {decision.reference for decision in report.set_aside} == {"2020-493884", "2020-507228"}
    assert not report.kept
    employer = SourceEmployer.objects.get(source="pep")
    assert (employer.name, employer.records) == ("Employeur non indiqué", 2)
