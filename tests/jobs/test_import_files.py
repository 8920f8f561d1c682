"""Reading offer files: CSV dialects, JSON Lines, and files refused before anything is written."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import ModelLogEntry, Revision

from jobs.importer import COLUMNS
from jobs.models import JobOffer, Skill
from tests.jobs.importing import csv_text, run_import, write_csv, write_jsonl

FILE_REFUSED, ROWS_REJECTED = 2, 1


def nothing_written():
    return not (JobOffer.objects.exists() or Revision.objects.exists() or ModelLogEntry.objects.exists())


def test_csv_with_bom_semicolons_and_multiline_quoted_fields(tmp_path, offer_row):
    rows = [
        dict(offer_row, external_id="A", description="Premier ; avec point-virgule.\n\nSecond « paragraphe »."),
        dict(offer_row, external_id="B", postal_code="7500"),  # starts after the three physical lines of A
        dict(offer_row, external_id="C", title="Data engineer"),
    ]
    path = tmp_path / "offres.csv"
    starts = write_csv(path, rows, delimiter=";", bom=True)
    assert starts == [2, 5, 9]

    status, out, err = run_import(path)

    assert status == ROWS_REJECTED
    assert "ligne 5 (external_id « B »), postal_code" in err
    offer = JobOffer.objects.get(external_id="A")
    assert offer.missions == "<p>Premier ; avec point-virgule.</p><p>Second « paragraphe ».</p>"
    assert offer.live and offer.departement_code == "75" and offer.region_code == "11"
    assert set(JobOffer.objects.values_list("external_id", flat=True)) == {"A", "C"}
    assert "créées : 2" in out and "rejetées : 1" in out


def test_json_lines_with_numbers_lists_and_nulls(tmp_path, offer_row):
    rows = [
        dict(offer_row, external_id=101, salary_min=45000, salary_max=None, contract_types=["stage"], skills=["SQL"]),
        dict(offer_row, external_id="102", extra_key="?"),
    ]
    path = tmp_path / "offres.jsonl"
    write_jsonl(path, rows)
    with path.open("a", encoding="utf-8") as file:
        file.write('{"external_id": "103", "title": \n')  # a broken line among good ones

    status, _, err = run_import(path)

    assert status == ROWS_REJECTED
    offer = JobOffer.objects.get(external_id="101")
    assert (offer.salary_min, offer.salary_max) == (45000, None)
    assert list(offer.contract_types.values_list("code", flat=True)) == ["stage"]
    assert list(offer.skills.names()) == ["SQL"]
    assert "ligne 2 (external_id « 102 »), extra_key : Colonne inconnue" in err
    assert "ligne 3 : JSON illisible" in err


@pytest.mark.parametrize(
    "content, message",
    [
        (None, "pas encodé en UTF-8"),  # the same file saved in Latin-1
        ("titre;ville\nDéveloppeur;Paris\n".encode(), "obligatoires absentes : external_id, title, institution"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)), "fichier binaire"),
        (b"", "Le fichier est vide"),
        (b"  \r\n", "Le fichier est vide"),
        (None, "aucune offre, seulement l'en-tête"),  # the header alone
        (b'[{"external_id": "1"}]', "tableau JSON, pas du JSON Lines"),
        (b'{"external_id": "1", "title": "x"\n', "ni un fichier CSV ni un fichier JSON Lines"),
        (None, "colonnes inconnues : « salaire »"),
        (None, "guillemet n'est sans doute pas fermé"),
    ],
)
def test_unreadable_files_are_refused_and_nothing_is_written(tmp_path, offer_row, content, message):
    text, _ = csv_text([offer_row])
    if message == "pas encodé en UTF-8":
        content = text.encode("latin-1")
    elif message.startswith("aucune offre"):
        content = text.splitlines()[0].encode()
    elif message.startswith("colonnes inconnues"):
        content = text.replace("salary_min", "salaire", 1).encode()
    elif message.startswith("guillemet"):
        content = (text + 'X2,"Titre jamais fermé,DINUM\n').encode()
    path = tmp_path / "offres.csv"
    path.write_bytes(content)

    status, out, err = run_import(path)

    assert status == FILE_REFUSED
    assert "Fichier refusé, rien n'a été enregistré" in err
    assert message in err
    assert out == ""
    assert nothing_written()


def test_a_missing_file_is_refused_with_a_message(tmp_path, institutions):
    status, _, err = run_import(tmp_path / "absent.csv")

    assert status == FILE_REFUSED
    assert "Impossible de lire le fichier" in err


def test_an_invalid_source_name_is_refused(tmp_path, offer_row):
    path = tmp_path / "offres.csv"
    write_csv(path, [offer_row])

    status, _, err = run_import(path, source="nom avec espaces")

    assert status == FILE_REFUSED
    assert "Nom de source invalide" in err
    assert nothing_written()


def test_a_row_with_too_many_values_is_rejected_with_its_line(tmp_path, offer_row):
    text, starts = csv_text([offer_row, dict(offer_row, external_id="OFFRE-2")])
    lines = text.splitlines()  # the second record spans several lines: the extra value is on its last one
    path = tmp_path / "offres.csv"
    path.write_text("\n".join(lines[:-1] + [lines[-1] + ",en trop"]) + "\n", encoding="utf-8")

    status, _, err = run_import(path)

    assert status == ROWS_REJECTED
    assert f"ligne {starts[1]} : {len(COLUMNS) + 1} valeurs pour {len(COLUMNS)} colonnes" in err
    assert JobOffer.objects.filter(external_id="OFFRE-1").exists()


def test_dry_run_validates_everything_and_writes_nothing(tmp_path, offer_row):
    path = tmp_path / "offres.csv"
    write_csv(path, [offer_row, dict(offer_row, external_id="2", skills="Nouvelle compétence"), dict(offer_row)])
    tags_before = Skill.objects.count()

    status, out, err = run_import(path, "--dry-run")

    assert status == ROWS_REJECTED
    assert "Identifiant déjà présent ligne 2" in err
    assert "Simulation (--dry-run), rien n'a été enregistré" in out
    assert "créées : 2" in out
    assert nothing_written()
    assert Skill.objects.count() == tags_before


def test_json_values_keep_their_meaning(tmp_path, offer_row):
    path = tmp_path / "offres.jsonl"
    path.write_text(json.dumps(dict(offer_row, salary_min=True)) + "\n", encoding="utf-8")

    status, _, err = run_import(path)

    assert status == ROWS_REJECTED
    assert "salary_min : Valeur vrai/faux inattendue" in err


def test_manage_py_exits_with_status_2_when_the_file_is_refused(tmp_path):
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")
    environment = dict(
        os.environ,
        DJANGO_SETTINGS_MODULE="metnum_site.settings.test",
        DATABASE_URL=f"sqlite:///{tmp_path / 'jamais-ouverte.sqlite3'}",
    )

    completed = subprocess.run(
        [sys.executable, "manage.py", "import_offers", str(path), "--source", "csp"],
        cwd=Path(__file__).resolve().parents[2],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )

    assert completed.returncode == FILE_REFUSED
    assert "Le fichier est vide" in completed.stderr
