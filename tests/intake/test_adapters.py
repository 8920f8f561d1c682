"""Small files of our own (tests/intake/fixtures/) for the rules the real samples do not all show."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from intake.adapters import ADAPTERS
from intake.mapping import category, commune_name, contract_codes, experience, postal_place, remote, yearly_salary
from intake.models import SourceEmployer
from intake.pipeline import run_intake
from jobs.import_lock import source_lock
from jobs.importer import ImportFileError
from jobs.models import JobOffer
from tests.intake.helpers import FIXTURES, csp_row, run_intake_command
from tests.intake.test_csp_open_data import write

TODAY = datetime.date(2026, 10, 1)


def test_html_is_sanitised_and_values_mapped(institutions):
    report = run_intake(ADAPTERS["france-travail"](), FIXTURES / "france_travail_html.json", today=TODAY)

    assert [decision.reference for decision in report.kept] == ["FT0001"]
    assert report.kept[0].why.startswith("règle : ")
    assert report.dropped[0].reference == "FT0002"
    offer = JobOffer.objects.get(source="france-travail")
    for text in (offer.missions, offer.team_context):
        assert "script" not in text and "onclick" not in text and "iframe" not in text and "javascript" not in text
    assert "<b>services</b>" in offer.missions
    assert offer.institution.acronym == "DINUM"  # « DIRECTION INTERMINISTERIELLE DU NUMERIQUE »
    assert (offer.salary_min, offer.salary_max, offer.experience_level) == (45_000, 55_000, "confirme")
    assert (offer.city, offer.postal_code) == ("Paris", "75007")


def test_a_truncated_json_answer_is_refused(institutions):
    with pytest.raises(ImportFileError, match="tronqué"):
        run_intake(ADAPTERS["france-travail"](), FIXTURES / "france_travail_truncated.json", today=TODAY)
    assert not JobOffer.objects.exists()


def test_latin_1_pipe_file_in_another_order_with_an_unknown_column(institutions):
    report = run_intake(ADAPTERS["pep-pipe"](), FIXTURES / "pep_pipe_latin1_reordered.csv", today=TODAY)

    assert report.notes == ["Colonnes inconnues ignorées : Colonne_nouvelle."]
    decision = report.set_aside[0]
    assert decision.title == "Développeur informatique"
    record = next(iter(ADAPTERS["pep-pipe"]().records(FIXTURES / "pep_pipe_latin1_reordered.csv")))
    assert "Missions : développer.\nEn équipe." in record.row["description"]
    assert SourceEmployer.objects.get().name == "Employeur non indiqué"


def test_dry_run_writes_nothing(institutions, tmp_path):
    row = csp_row(**{"Organisme de rattachement": "Inconnu du service"})
    status, out, _ = run_intake_command("csp", write(tmp_path, [row, csp_row(**{"Référence": "2"})]), "--dry-run")
    assert status == 0
    assert "Simulation" in out
    assert not JobOffer.objects.exists() and not SourceEmployer.objects.exists()


def test_one_intake_at_a_time_per_source(institutions, tmp_path):
    if connection.vendor == "postgresql":
        pytest.skip("verrou consultatif réentrant dans une même session : tests/jobs/test_import_processes.py")
    with source_lock("csp"):
        status, _, err = run_intake_command("csp", write(tmp_path, [csp_row()]))
    assert status == 3
    assert "déjà en cours" in err
    assert not JobOffer.objects.exists()


def test_an_empty_selection_closes_nothing(institutions, tmp_path):
    run_intake_command("csp", write(tmp_path, [csp_row()]))
    row = csp_row(**{"Référence": "2", "Intitulé du poste": "Jardinier", "Métier": "Jardinier"})

    status, out, _ = run_intake_command("csp", write(tmp_path, [row]), "--close-missing")

    assert status == 0
    assert "ne sont pas fermées" in out
    assert JobOffer.objects.get().live


def test_a_full_run_closes_what_the_source_no_longer_lists(institutions, tmp_path):
    run_intake_command("csp", write(tmp_path, [csp_row(), csp_row(**{"Référence": "2"})]))
    status, out, _ = run_intake_command("csp", write(tmp_path, [csp_row()]), "--close-missing")
    assert "fermées : 1" in out
    assert not JobOffer.objects.get(external_id="2").live


@pytest.mark.parametrize(
    "value, code",
    [
        ("Catégorie A+ (cadre supérieur)", "aplus"),
        ("Catégorie A (cadre)", "a"),
        ("Catégorie B (profession intermédiaire)", "b"),
        ("Catégorie C (employé)", "c"),
        ("A", "a"),
        ("", ""),
        ("Sans objet", ""),
    ],
)
def test_categories(value, code):
    assert category(value) == code


@pytest.mark.parametrize(
    "values, codes",
    [
        (("Emploi ouvert aux titulaires et aux contractuels",), "titulaire_ou_contractuel"),
        (("Emploi ouvert uniquement aux contractuels",), "contractuel"),
        (("Emploi réservé aux fonctionnaires et lauréats d'un concours territorial",), "titulaire_ou_contractuel"),
        (("CDD", "Cont. professionnalisation"), "apprentissage|contractuel"),
        (("", ""), ""),
    ],
)
def test_contract_natures(values, codes):
    assert contract_codes(*values) == codes


def test_remote_experience_places_and_salaries():
    assert (remote("Oui"), remote("Non"), remote("")) == ("partiel", "aucun", "")
    assert (experience("Débutant"), experience("Confirmé"), experience("Expert"), experience("")) == (
        "debutant",
        "confirme",
        "expert",
        "",
    )
    assert experience("", 7) == "senior"
    assert postal_place("CIAS - 35, rue de sérigné : 85200 Pissotte") == ("85200", "Pissotte")
    assert postal_place("8 RUE BERNARD PALISSY 63014 CLERMONT FERRAND CEDEX 2") == ("63014", "Clermont Ferrand")
    assert postal_place("SATHONAY-CAMP") == ("", "")
    assert commune_name("ST HILAIRE DE RIEZ") == "Saint Hilaire de Riez"
    assert yearly_salary("Mensuel de 2100.0 Euros à 2500.0 Euros sur 12.0 mois") == (25_200, 30_000)
    assert yearly_salary("Annuel de 37000.00 Euros à 49000.00 Euros sur 12 mois") == (37_000, 49_000)
    assert yearly_salary("Mensuel de 2661.0 Euros à 2661.01 Euros sur 12.0 mois") == (31_932, None)
    assert yearly_salary("Horaire de 11.88 Euros") == (None, None)
    assert yearly_salary("Mensuel de 34000.0 Euros à 41000.0 Euros sur 12.0 mois") == (None, None)  # misread
    assert yearly_salary("Grille indiciaire") == (None, None)


def test_more_places_and_remote_wordings():
    assert postal_place("Hôtel de ville, Sathonay-Camp 69580") == ("69580", "Sathonay-Camp")
    assert postal_place("12 rue de la Paix, PARIS 75002") == ("75002", "Paris")
    assert remote("Télétravail possible") == "partiel"


def test_a_record_published_later_waits_for_its_day(institutions, tmp_path):
    later = (timezone.localdate() + datetime.timedelta(days=3)).strftime("%d/%m/%Y")
    row = csp_row(**{"Date de première publication": later, "Date de début de publication par défaut": later})
    status, out, _ = run_intake_command("csp", write(tmp_path, [row]))
    assert status == 0
    assert f"publication prévue le {later}" in out
    assert not JobOffer.objects.exists()
