"""The importer's versant column (added for the intake of other sources, docs/import.md)."""

import pytest

from jobs.importer import COLUMNS
from jobs.models import JobOffer
from tests.jobs.importing import run_import, write_csv

pytestmark = pytest.mark.django_db


def test_versant_is_imported_and_shown(offer_row, tmp_path, client):
    path = tmp_path / "offres.csv"
    write_csv(path, [dict(offer_row, versant="territoriale")])

    status, _, err = run_import(path)

    assert status == 0, err
    offer = JobOffer.objects.get()
    assert offer.versant == "territoriale"
    page = client.get(offer.get_absolute_url())
    assert "Fonction publique territoriale" in page.content.decode()


def test_a_file_without_the_column_keeps_the_versant_and_changes_nothing(offer_row, tmp_path):
    path = tmp_path / "offres.csv"
    write_csv(path, [dict(offer_row, versant="etat")])
    run_import(path)
    older = [column for column in COLUMNS if column != "versant"]
    write_csv(path, [offer_row], columns=older)

    status, out, _ = run_import(path)

    assert status == 0
    assert "mises à jour : 1" in out  # the file changed (versant column gone) …
    assert JobOffer.objects.get().versant == "etat"  # … but the versant it did not state is kept
    status, out, _ = run_import(path)
    assert "inchangées : 1" in out


def test_an_unknown_versant_is_rejected(offer_row, tmp_path):
    path = tmp_path / "offres.csv"
    write_csv(path, [dict(offer_row, versant="europeenne")])
    status, _, err = run_import(path)
    assert status == 1
    assert "versant : Code de versant inconnu « europeenne »" in err
