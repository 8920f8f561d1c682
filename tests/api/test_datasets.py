"""The open-data files: one CSV row and one JSON line per open offer, documented columns, served at
stable addresses with Last-Modified, published only once complete."""

import csv
import io
import json

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command

from api import datasets
from api.models import OpenDataFile
from api.tasks import refresh_open_data
from jobs.models import JobOffer
from tests.factories import JobOfferFactory
from tests.jobs.helpers import expired_offer

pytestmark = pytest.mark.django_db

CSV_URL, JSONL_URL = "/api/v1/donnees/offres.csv", "/api/v1/donnees/offres.jsonl"


@pytest.fixture(autouse=True)
def own_media_root(settings, tmp_path):
    """Each test its own storage: the files of another test's rolled-back exports are not there."""
    settings.API_RATE_LIMIT = 0
    settings.MEDIA_ROOT = tmp_path


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


def test_one_row_per_open_offer_with_the_documented_columns(client):
    offer = JobOfferFactory(published=True, title='=HYPERLINK("http://x")', skill_names=("Python", "SQL"))
    JobOfferFactory(published=True, contract_codes=("stage", "apprentissage"))
    expired_offer()
    JobOfferFactory()

    assert datasets.export() == 2

    response = client.get(CSV_URL)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Access-Control-Allow-Origin"] == "*"
    rows = list(csv.DictReader(io.StringIO(body(response))))
    assert list(rows[0]) == [column.name for column in datasets.COLUMNS]
    assert {int(row["identifiant"]) for row in rows} == set(JobOffer.objects.open().values_list("pk", flat=True))
    first = next(row for row in rows if int(row["identifiant"]) == offer.pk)
    assert first["intitule"] == '\'=HYPERLINK("http://x")'  # never a formula in a spreadsheet
    assert first["competences"] == "Python;SQL"
    assert first["date_limite"] == offer.deadline.isoformat()
    assert first["code_departement"] == "75" and first["region"] == "Île-de-France"
    assert first["missions"] == "Développer des services publics numériques utiles."

    lines = body(client.get(JSONL_URL)).splitlines()
    assert len(lines) == 2
    parsed = [json.loads(line) for line in lines]
    assert [item["identifiant"] for item in parsed] == [int(row["identifiant"]) for row in rows]
    assert list(parsed[0]) == [column.name for column in datasets.COLUMNS]


def test_columns_follow_the_schema_data_gouv_conventions(client):
    schema = json.loads(client.get("/api/v1/donnees/offres.schema.json").content)

    names = [field["name"] for field in schema["fields"]]
    assert names == [column.name for column in datasets.COLUMNS]
    assert all(name.isascii() and name == name.lower() and " " not in name and "-" not in name for name in names)
    assert {field["type"] for field in schema["fields"]} <= {"string", "integer", "number", "date", "datetime"}
    assert all(field["description"] for field in schema["fields"])
    assert schema["primaryKey"] == "identifiant"


def test_no_personal_data_in_the_files(client, admin_user):
    JobOfferFactory(published=True, apply_email="prenom.nom@numerique.gouv.fr")
    datasets.export()

    assert "@" not in body(client.get(CSV_URL)) + body(client.get(JSONL_URL))


def test_last_modified_and_conditional_requests(client):
    JobOfferFactory(published=True)
    datasets.export()
    response = client.get(CSV_URL)
    body(response)

    assert response["Last-Modified"]
    assert client.get(CSV_URL, headers={"If-Modified-Since": response["Last-Modified"]}).status_code == 304
    assert client.get(CSV_URL, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_before_the_first_export_a_clear_404(client):
    response = client.get(CSV_URL)

    assert response.status_code == 404
    assert "export_open_data" in json.loads(response.content)["erreur"]["message"]


def test_a_failed_refresh_leaves_the_published_files_whole(client, monkeypatch):
    JobOfferFactory(published=True)
    datasets.export()
    before = body(client.get(CSV_URL)), body(client.get(JSONL_URL))
    JobOfferFactory(published=True)
    files_before = set(default_storage.listdir(datasets.OPEN_DATA_DIR)[1])

    calls = {"rows": 0}
    real_rows = datasets.rows

    def failing_rows():
        for row in real_rows():
            calls["rows"] += 1
            yield row
            raise RuntimeError("coupure au milieu de l'export")

    monkeypatch.setattr(datasets, "rows", failing_rows)
    with pytest.raises(RuntimeError):
        datasets.export()

    assert calls["rows"] == 1
    assert (body(client.get(CSV_URL)), body(client.get(JSONL_URL))) == before
    assert set(default_storage.listdir(datasets.OPEN_DATA_DIR)[1]) == files_before


def test_a_failure_while_storing_removes_what_was_stored(client, monkeypatch):
    JobOfferFactory(published=True)
    datasets.export()
    files_before = set(default_storage.listdir(datasets.OPEN_DATA_DIR)[1])
    real_save = default_storage.save
    saved = []

    def save_then_fail(name, content):
        if saved:
            raise OSError("stockage plein")
        saved.append(real_save(name, content))
        return saved[-1]

    monkeypatch.setattr(default_storage, "save", save_then_fail)
    with pytest.raises(OSError):
        datasets.export()

    assert set(default_storage.listdir(datasets.OPEN_DATA_DIR)[1]) == files_before
    assert OpenDataFile.objects.count() == 2


def test_a_new_export_replaces_the_files_and_deletes_the_old_ones(client):
    JobOfferFactory(published=True)
    datasets.export()
    JobOfferFactory(published=True)

    call_command("export_open_data", stdout=io.StringIO())

    assert len(list(csv.DictReader(io.StringIO(body(client.get(CSV_URL)))))) == 2
    assert len(default_storage.listdir(datasets.OPEN_DATA_DIR)[1]) == 2


def test_the_daily_task_exports(client):
    JobOfferFactory(published=True)

    result = refresh_open_data.enqueue()

    assert result.return_value == 1
    assert client.get(JSONL_URL).status_code == 200
