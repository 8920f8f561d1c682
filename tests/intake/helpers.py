import csv
import datetime
import io
import os
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from intake.adapters import CSP_COLUMNS

REPO_ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def realfeeds_dir():
    """REALFEEDS_DIR, else ../shared/realfeeds beside the repository, else /work/shared/realfeeds."""
    for candidate in (
        os.environ.get("REALFEEDS_DIR"),
        REPO_ROOT / ".." / "shared" / "realfeeds",
        "/work/shared/realfeeds",
    ):
        if candidate and Path(candidate).is_dir():
            return Path(candidate)
    return None


def feed(name):
    folder = realfeeds_dir()
    if folder is None or not (folder / name).exists():
        pytest.skip(f"flux réel absent : {name} (définissez REALFEEDS_DIR ou placez-les dans ../shared/realfeeds)")
    return folder / name


def csp_row(**values):
    """A CSP open data row (schema column names): a digital job of the DINUM, open today."""
    today = timezone.localdate()
    published = (today - datetime.timedelta(days=10)).strftime("%d/%m/%Y")
    deadline = (today + datetime.timedelta(days=30)).strftime("%d/%m/%Y")
    row = {
        "Organisme de rattachement": "Direction interministérielle du numérique (DINUM)",
        "Référence": "2026-1000001",
        "Versant": "Fonction Publique de l'Etat",
        "Métier": "Développeuse / Développeur",
        "Statut du poste": "Vacant",
        "Nature de l'emploi": "Emploi ouvert aux titulaires et aux contractuels",
        "Intitulé du poste": "Développeuse ou développeur Python",
        "Localisation du poste": "Paris (75)",
        "Lieu d'affectation": "20 avenue de Ségur : 75007 Paris",
        "Niveau d'expérience min. requis": "Confirmé",
        "Date de début de publication par défaut": published,
        "Date de fin de publication par défaut": deadline,
        "Date de première publication": published,
        "Télétravail": "Oui",
        "Catégorie": "Catégorie A+ (cadre supérieur)",
        "Compétences attendues": "Python, Django",
    }
    row.update(values)
    return row


def csp_csv(rows, columns=CSP_COLUMNS, delimiter=";"):
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([row.get(column, "") for column in columns])
    return buffer.getvalue()


def run_intake_command(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("intake", *map(str, args), stdout=out, stderr=err)
    except CommandError as error:
        return error.returncode, out.getvalue(), err.getvalue() + str(error)
    return 0, out.getvalue(), err.getvalue()
