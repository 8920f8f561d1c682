"""The offer listing of the admin: columns, status, filters, search, sorting, exports, query count."""

import csv
import datetime
import io
import itertools

import openpyxl
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import formats, timezone

from jobs.choices import OfferStatus
from jobs.models import ContractType
from jobs.quality import score_band
from tests.factories import InstitutionFactory, JobOfferFactory, profession

from .admin_helpers import listing_rows, listing_titles, offer_in_status, offer_url, soup, text_of

pytestmark = pytest.mark.django_db


def get_listing(client, **params):
    return client.get(offer_url("list"), params)


def test_listing_shows_title_link_employer_status_deadline_and_last_update(admin_client):
    deadline = timezone.localdate() + datetime.timedelta(days=40)
    dinum = InstitutionFactory(name="Direction interministérielle du numérique", acronym="DINUM")
    offer = JobOfferFactory(title="Product manager", institution=dinum, deadline=deadline, published=True)

    response = get_listing(admin_client)

    assert response.status_code == 200
    [row] = listing_rows(response)
    assert row["Intitulé"] == "Product manager"
    assert row["_link"] == offer_url("edit", offer.pk)
    assert row["Employeur"] == "Direction interministérielle du numérique"
    assert row["Statut"] == "En ligne"
    assert row["Date limite"] == formats.date_format(deadline)  # e.g. "9 janvier 2027"
    assert row["Mise à jour"]
    headings = [text_of(th) for th in soup(response).select("table.listing thead th")][1:]
    assert headings == ["Intitulé", "Employeur", "Statut", "Date limite", "Qualité", "Mise à jour"]


def test_each_status_is_shown_as_a_french_status_tag(admin_client):
    for status in OfferStatus:
        offer_in_status(status, title=f"Offre {status.value}")

    response = get_listing(admin_client)

    statuses = {row["Intitulé"]: row["Statut"] for row in listing_rows(response)}
    assert statuses == {
        "Offre brouillon": "Brouillon",
        "Offre programmee": "Programmée",
        "Offre en_ligne": "En ligne",
        "Offre expiree": "Expirée",
        "Offre pourvue": "Pourvue",
    }
    live_tag = soup(response).find("span", class_="w-status", string=lambda text: text and "En ligne" in text)
    assert "w-status--primary" in live_tag["class"]


def test_the_title_shown_is_the_latest_draft_one(admin_client):
    offer = JobOfferFactory(title="Ancien intitulé", published=True)
    offer.title = "Nouvel intitulé, en brouillon"
    offer.save_revision()

    assert listing_titles(get_listing(admin_client)) == ["Nouvel intitulé, en brouillon"]


def test_filter_by_status_uses_the_computed_status(admin_client):
    for status in OfferStatus:
        offer_in_status(status, title=f"Offre {status.value}")

    assert listing_titles(get_listing(admin_client, status="expiree")) == ["Offre expiree"]
    assert set(listing_titles(get_listing(admin_client, status=["brouillon", "programmee"]))) == {
        "Offre brouillon",
        "Offre programmee",
    }


def test_filter_by_institution_profession_and_contract_type(admin_client):
    anssi = InstitutionFactory(name="Agence nationale de la sécurité des systèmes d'information", acronym="ANSSI")
    JobOfferFactory(title="Analyste SOC", institution=anssi, profession=profession("securite"))
    JobOfferFactory(title="Stage data", profession=profession("donnees"), contract_codes=("stage", "apprentissage"))
    JobOfferFactory(title="Freelance design", profession=profession("design"), contract_codes=("freelance",))
    stage, apprentissage, freelance = (
        ContractType.objects.get(code=code).pk for code in ("stage", "apprentissage", "freelance")
    )

    assert listing_titles(get_listing(admin_client, institution=anssi.pk)) == ["Analyste SOC"]
    assert listing_titles(get_listing(admin_client, profession=profession("donnees").pk)) == ["Stage data"]
    # Any of the chosen contract types; an offer matching two of them is listed once.
    assert listing_titles(get_listing(admin_client, contract_types=[stage, apprentissage])) == ["Stage data"]
    assert set(listing_titles(get_listing(admin_client, contract_types=[stage, freelance]))) == {
        "Stage data",
        "Freelance design",
    }


def test_search_covers_title_reference_and_employer_name_or_acronym(admin_client):
    dinum = InstitutionFactory(name="Direction interministérielle du numérique", acronym="DINUM")
    JobOfferFactory(title="Développeuse Python", institution=dinum, reference="DN-2026-014")
    JobOfferFactory(title="Chef de projet Python", reference="MI-77")
    JobOfferFactory(title="Architecte cloud", institution=dinum, reference="DN-2026-020")

    def search(query, **params):
        return set(listing_titles(get_listing(admin_client, q=query, **params)))

    assert search("dévelop") == {"Développeuse Python"}
    assert search("MI-77") == {"Chef de projet Python"}
    assert search("dinum") == {"Développeuse Python", "Architecte cloud"}
    assert search("interministérielle") == {"Développeuse Python", "Architecte cloud"}
    # Every word must match, each in any field.
    assert search("dinum python") == {"Développeuse Python"}
    assert search("python introuvable") == set()


def test_search_works_with_filters_and_sorting_together(admin_client):
    dinum = InstitutionFactory(name="Direction interministérielle du numérique", acronym="DINUM")
    offer_in_status(OfferStatus.LIVE, title="Data engineer", institution=dinum)
    offer_in_status(OfferStatus.DRAFT, title="Data analyst", institution=dinum)
    offer_in_status(OfferStatus.LIVE, title="Data scientist")

    response = get_listing(admin_client, q="data dinum", status="en_ligne", ordering="institution__name")

    assert response.status_code == 200
    assert listing_titles(response) == ["Data engineer"]


@pytest.mark.parametrize(
    ("ordering", "expected"),
    [
        ("listing_title", ["Alpha", "Bravo", "Charlie"]),
        ("-listing_title", ["Charlie", "Bravo", "Alpha"]),
        ("institution__name", ["Bravo", "Charlie", "Alpha"]),
        ("deadline", ["Charlie", "Alpha", "Bravo"]),
        ("-deadline", ["Bravo", "Alpha", "Charlie"]),
        ("last_updated_at", ["Alpha", "Charlie", "Bravo"]),
        ("-last_updated_at", ["Bravo", "Charlie", "Alpha"]),
    ],
)
def test_sorting(admin_client, ordering, expected):
    today = timezone.localdate()

    def offer(title, employer, days_left):
        deadline = today + datetime.timedelta(days=days_left)
        return JobOfferFactory(title=title, institution=InstitutionFactory(name=employer), deadline=deadline)

    offer("Alpha", "Zénith", 20)
    charlie = offer("Charlie", "Marine", 10)
    bravo = offer("Bravo", "Armées", 30)
    # Saving a draft counts as an update, though it only writes a revision.
    charlie.save_revision()
    bravo.save_revision()

    assert listing_titles(get_listing(admin_client, ordering=ordering)) == expected


def test_default_order_is_the_most_recently_updated_first(admin_client):
    first = JobOfferFactory(title="Ancienne")
    JobOfferFactory(title="Récente")
    first.save_revision()  # edited last

    assert listing_titles(get_listing(admin_client)) == ["Ancienne", "Récente"]


def exported_offer(**kwargs):
    return JobOfferFactory(
        title="Ingénieure DevOps",
        reference="INT-42",
        institution=InstitutionFactory(name="Ministère de l'Intérieur", acronym="MI"),
        profession=profession("infrastructure-cloud"),
        contract_codes=("titulaire_ou_contractuel", "contractuel"),
        city="Ajaccio",
        postal_code="20000",
        salary_min=42000,
        salary_max=55000,
        deadline=datetime.date(2099, 3, 31),
        published=True,
        **kwargs,
    )


def test_csv_export_has_french_headings_and_the_offers_of_the_filtered_listing(admin_client):
    offer = exported_offer()
    offer_in_status(OfferStatus.DRAFT, title="Brouillon à ne pas exporter")

    response = get_listing(admin_client, status="en_ligne", export="csv")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert "offres-d-emploi-" in response["Content-Disposition"]
    text = b"".join(response.streaming_content).decode("utf-8")
    assert text.startswith("\ufeff")  # spreadsheet software detects UTF-8
    [row] = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert row["Identifiant"] == str(offer.pk)
    assert row["Intitulé"] == "Ingénieure DevOps"
    assert row["Référence"] == "INT-42"
    assert row["Employeur"] == "Ministère de l'Intérieur"
    assert row["Sigle"] == "MI"
    assert row["Statut"] == "En ligne"
    assert row["Métier"] == "Infrastructure & cloud"
    assert row["Types de contrat"] == "Fonctionnaire ou contractuel, Contractuel uniquement"
    assert row["Catégorie"] == "Catégorie A"
    assert row["Télétravail"] == "Télétravail partiel"
    assert (row["Ville"], row["Code postal"], row["Département"], row["Région"]) == (
        "Ajaccio",
        "20000",
        "2A – Corse-du-Sud",
        "Corse",
    )
    assert (row["Salaire minimum (€ brut annuel)"], row["Salaire maximum (€ brut annuel)"]) == ("42000", "55000")
    assert row["Date limite de candidature"] == "2099-03-31"
    assert row["Première publication"] == timezone.localtime(offer.first_published_at).strftime("%Y-%m-%d %H:%M")
    assert row["Pourvue le"] == ""
    assert row["Score de qualité (sur 100)"] == str(offer.quality_score)
    assert row["Qualité"] == score_band(offer.quality_score).label


def test_xlsx_export_has_the_same_columns_with_real_dates(admin_client):
    offer = exported_offer()
    offer_in_status(OfferStatus.FILLED, title="Poste pourvu")

    response = get_listing(admin_client, q="devops", export="xlsx")

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    header, *rows = list(workbook.active.values)
    assert len(rows) == 1
    row = dict(zip(header, rows[0], strict=True))
    assert row["Intitulé"] == "Ingénieure DevOps"
    assert row["Statut"] == "En ligne"
    assert row["Types de contrat"] == "Fonctionnaire ou contractuel, Contractuel uniquement"
    assert row["Département"] == "2A – Corse-du-Sud"
    assert row["Salaire minimum (€ brut annuel)"] == 42000
    assert row["Date limite de candidature"] == datetime.date(2099, 3, 31)
    # Paris time, as editors read it.
    published_paris = timezone.localtime(offer.first_published_at).replace(tzinfo=None)
    assert abs(row["Première publication"] - published_paris) < datetime.timedelta(seconds=1)


def test_the_listing_offers_both_exports_in_french(admin_client):
    JobOfferFactory()
    html = get_listing(admin_client).content.decode()

    assert "Télécharger" in html and "export=csv" in html and "export=xlsx" in html


def create_varied_offers(count):
    """`count` offers spread over statuses, employers, professions, contract types and skills."""
    statuses = itertools.cycle(OfferStatus)
    professions = itertools.cycle(["developpement", "donnees", "securite", "design"])
    contracts = itertools.cycle([("stage",), ("contractuel", "freelance"), ("titulaire_ou_contractuel",)])
    for number in range(count):
        offer_in_status(
            next(statuses),
            institution=InstitutionFactory(),
            profession=profession(next(professions)),
            contract_codes=next(contracts),
            skill_names=("Python", f"Outil {number}"),
        )


def count_queries(client, **params):
    with CaptureQueriesContext(connection) as queries:
        response = get_listing(client, **params)
        if params.get("export"):
            b"".join(response.streaming_content)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "params",
    [{}, {"status": ["en_ligne", "pourvue"], "q": "python", "ordering": "institution__name"}, {"export": "csv"}],
    ids=["listing", "filtered-search", "csv-export"],
)
def test_the_listing_uses_a_fixed_number_of_queries(admin_client, params):
    create_varied_offers(5)
    count_queries(admin_client, **params)  # warm the per-process caches (content types, site)
    with_five = count_queries(admin_client, **params)

    create_varied_offers(15)
    with_twenty = count_queries(admin_client, **params)

    assert len(listing_rows(get_listing(admin_client))) == 20
    assert with_twenty == with_five
