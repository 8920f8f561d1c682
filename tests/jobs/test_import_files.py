"""Reading offer files: CSV dialects, JSON Lines, and files refused before anything is written."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from wagtail.models import ModelLogEntry, Revision

from jobs.importer import COLUMNS, MAX_FIELD_CHARACTERS, MAX_FILE_BYTES
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


def test_a_field_over_its_column_limit_rejects_its_row_with_the_limit(tmp_path, offer_row):
    rows = [
        # 2 100 000 characters, 2 099 999 once the final space is stripped
        dict(offer_row, external_id="LONG", description="Des missions. " * 150_000),
        dict(offer_row, external_id="TITRE", title="T" * 201),
        dict(offer_row, external_id="X" * 101),
        dict(offer_row, external_id="BONNE"),
    ]
    path = tmp_path / "offres.csv"
    starts = write_csv(path, rows)

    status, out, err = run_import(path)

    assert status == ROWS_REJECTED
    assert (
        f"ligne {starts[0]} (external_id « LONG »), description : 2\u202f099\u202f999 caractères, "
        "plus que les 50\u202f000 acceptés dans cette colonne." in err
    )
    assert f"ligne {starts[1]} (external_id « TITRE »), title : 201 caractères, plus que les 200 acceptés" in err
    assert f"ligne {starts[2]}, external_id : 101 caractères, plus que les 100 acceptés." in err
    assert "guillemet" not in err
    assert list(JobOffer.objects.values_list("external_id", flat=True)) == ["BONNE"]
    assert "créées : 1" in out and "rejetées : 3" in out


def test_a_json_line_over_the_reading_limit_is_rejected_alone(tmp_path, offer_row):
    path = tmp_path / "offres.jsonl"
    huge = json.dumps(dict(offer_row, external_id="ENORME", description="x" * MAX_FIELD_CHARACTERS))
    path.write_text(
        json.dumps(offer_row) + "\n" + huge + "\n" + json.dumps(dict(offer_row, external_id="APRES")) + "\n",
        encoding="utf-8",
    )

    status, _, err = run_import(path)

    assert status == ROWS_REJECTED
    assert "ligne 2 : ligne de plus de 10\u202f000\u202f000 caractères, ignorée" in err
    assert set(JobOffer.objects.values_list("external_id", flat=True)) == {"OFFRE-1", "APRES"}


def test_an_unclosed_quote_in_a_large_file_names_the_record_and_writes_nothing(tmp_path, offer_row):
    text, _ = csv_text([offer_row, dict(offer_row, external_id="2")])
    # The quote opened on the third record swallows everything after it, far beyond the field limit.
    path = tmp_path / "offres.csv"
    with path.open("w", encoding="utf-8", newline="") as file:
        file.write(text + '3,"Titre jamais fermé,DINUM\n')
        for _ in range(11):
            file.write("x" * 999_999 + "\n")

    status, _, err = run_import(path)

    assert status == FILE_REFUSED
    third_record = text.count("\n") + 1
    assert f"L'enregistrement qui commence ligne {third_record} a un champ de plus de 10\u202f000\u202f000" in err
    assert nothing_written()


def test_a_file_over_the_size_limit_is_refused_before_reading(tmp_path, institutions):
    path = tmp_path / "offres.csv"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # a sparse file: the size is there, not the bytes

    status, _, err = run_import(path)

    assert status == FILE_REFUSED
    assert "Le fichier fait 500 Mo, plus que les 500 Mo acceptés. Découpez-le" in err
