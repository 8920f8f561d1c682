"""/api/v1/offres/: only open offers, French fields without personal data, a stable signed cursor,
clear 400s for what /offres/ would silently drop, a fixed number of queries per page."""

import json

import pytest
from django.core import signing
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from api.cursor import SALT, Cursor, search_digest
from jobs.models import JobOffer
from search.query import OfferQuery
from tests.api.helpers import get_json, walk
from tests.factories import InstitutionFactory, JobOfferFactory
from tests.jobs.helpers import days_from_today, expired_offer, filled_offer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def no_rate_limit(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.API_RATE_LIMIT = 0


def ids(body):
    return [offer["identifiant"] for offer in body["resultats"]]


def test_only_open_published_offers_are_listed(client):
    shown = JobOfferFactory(published=True)
    JobOfferFactory()  # draft
    expired_offer()
    filled_offer()
    JobOfferFactory(published=True, go_live_at=None, deadline=days_from_today(0))  # open through its last day

    body = get_json(client, "api:offers")

    assert set(ids(body)) == set(JobOffer.objects.open().values_list("pk", flat=True))
    assert shown.pk in ids(body)
    assert body["total"] == 2


def test_an_offer_in_french_fields_matching_its_job_posting(client):
    institution = InstitutionFactory(name="Direction interministérielle du numérique", acronym="DINUM", slug="dinum")
    offer = JobOfferFactory(
        published=True,
        institution=institution,
        title="Cheffe ou chef de produit",
        salary_min=45000,
        salary_max=60000,
        remote="total",
        contract_codes=("contractuel",),
        skill_names=("Python", "accessibilité"),
        apply_email="prenom.nom@numerique.gouv.fr",
    )

    (item,) = get_json(client, "api:offers")["resultats"]

    assert item["identifiant"] == offer.pk
    assert item["intitule"] == "Cheffe ou chef de produit"
    assert item["url"] == f"http://testserver/offres/{offer.slug}/"
    assert item["date_limite"] == offer.deadline.isoformat()
    assert item["employeur"] == {
        "identifiant": "dinum",
        "nom": "Direction interministérielle du numérique",
        "sigle": "DINUM",
        "site_web": "https://www.example.gouv.fr",
        "page": None,
    }
    assert item["types_contrat"] == [{"code": "contractuel", "libelle": "Contractuel uniquement"}]
    assert item["types_emploi"] == ["FULL_TIME", "CONTRACTOR"]
    assert item["teletravail"] == {"code": "total", "libelle": "Télétravail total"}
    assert item["salaire"] == {"minimum": 45000, "maximum": 60000, "devise": "EUR", "periode": "annee"}
    assert item["lieu"]["departement"] == {"code": "75", "nom": "Paris"}
    assert item["lieu"]["region"] == {"code": "11", "nom": "Île-de-France"}
    assert item["competences"] == ["accessibilité", "Python"]
    assert item["description"]["missions"].startswith("<p>Développer")
    assert item["candidature"] == {"url": "https://candidature.example.gouv.fr/offre", "page": item["url"]}


def test_an_offer_whose_institution_receives_applications_here_points_to_the_site_s_form(client):
    institution = InstitutionFactory(receives_applications_on_metnum=True)
    offer = JobOfferFactory(published=True, institution=institution, apply_url="https://ailleurs.example.fr/")

    (item,) = get_json(client, "api:offers")["resultats"]

    assert item["candidature"]["url"] == f"http://testserver/espace-candidat/postuler/{offer.pk}/"


def test_no_personal_data(client, admin_user):
    JobOfferFactory(published=True, apply_email="prenom.nom@numerique.gouv.fr", apply_url="")
    offer = JobOffer.objects.get()
    offer.save_revision(user=admin_user).publish(user=admin_user)

    text = client.get("/api/v1/offres/").content.decode()

    assert "@" not in text
    assert admin_user.username not in text
    assert "owner" not in text and "latest_revision" not in text


def test_the_cursor_walk_is_stable_when_offers_are_published_meanwhile(client):
    for _ in range(5):
        JobOfferFactory(published=True)
    first = get_json(client, "api:offers", {"taille": "2"})
    published_meanwhile = JobOfferFactory(published=True)
    rest, offers = walk(client, {"taille": "2"})  # a new walk sees it…
    assert published_meanwhile.pk in [offer["identifiant"] for offer in offers]

    seen = ids(first)
    page = first
    while page["suivant"]:  # …the walk started before does not: no offer shifted, none twice
        page = get_json(client, page["suivant"].removeprefix("http://testserver"))
        seen += ids(page)

    assert published_meanwhile.pk not in seen
    assert len(seen) == len(set(seen)) == 5


def test_a_tampered_cursor_is_a_400_in_french_and_english(client):
    for _ in range(3):
        JobOfferFactory(published=True)
    cursor = get_json(client, "api:offers", {"taille": "1"})["curseur_suivant"]
    forged = signing.dumps({"p": 0, "t": 0, "q": "x"}, salt="autre-chose")

    for value in (cursor[:-2] + "xx", cursor + "a", forged, "n'importe quoi", "é" * 600):
        body = get_json(client, "api:offers", {"taille": "1", "curseur": value}, status=400)
        assert body["erreur"]["code"] == "curseur_invalide"
        assert "Curseur invalide" in body["erreur"]["message"]
        assert "Invalid cursor" in body["erreur"]["message_en"]


def test_a_cursor_of_another_search_is_refused(client):
    for _ in range(3):
        JobOfferFactory(published=True)
    cursor = get_json(client, "api:offers", {"taille": "1"})["curseur_suivant"]

    body = get_json(client, "api:offers", {"taille": "1", "q": "python", "curseur": cursor}, status=400)

    assert "autre recherche" in body["erreur"]["message"]


def test_a_signed_cursor_with_odd_values_is_still_a_400(client):
    for payload in ({"p": -1, "t": 0, "q": ""}, {"p": 0, "t": 10**30, "q": ""}, {"p": "1"}, [1, 2]):
        value = signing.dumps(payload, salt=SALT, compress=True)
        assert get_json(client, "api:offers", {"curseur": value}, status=400)["erreur"]["code"] == "curseur_invalide"


def test_a_position_past_the_end_gives_an_empty_last_page(client):
    JobOfferFactory(published=True)
    assert get_json(client, "api:offers")["curseur_suivant"] is None
    cursor = Cursor(10_000, timezone.now(), search_digest(OfferQuery()))

    body = get_json(client, "api:offers", {"curseur": cursor.encode()})

    assert body["resultats"] == [] and body["suivant"] is None and body["total"] == 1


@pytest.mark.parametrize(
    "params,parameter",
    [
        ({"contrat": "cdi"}, "contrat"),
        ({"region": "99"}, "region"),
        ({"institution": "inconnue"}, "institution"),
        ({"metier": "astronaute"}, "metier"),
        ({"tri": "hasard"}, "tri"),
        ({"salaire_min": "beaucoup"}, "salaire_min"),
        ({"publiee": "3"}, "publiee"),
        ({"rayon": "7"}, "rayon"),
        ({"autour": "Atlantide"}, "autour"),
        ({"taille": "1000000"}, "taille"),
        ({"taille": "0"}, "taille"),
        ({"taille": "-5"}, "taille"),
        ({"page": "2"}, "page"),
    ],
)
def test_what_offres_would_drop_is_a_clear_400(client, params, parameter):
    body = get_json(client, "api:offers", params, status=400)

    assert body["erreur"]["code"] == "parametre_invalide"
    (detail,) = body["erreur"]["details"]
    assert detail["parametre"] == parameter
    assert detail["message"] and detail["message_en"] and detail["message"] != detail["message_en"]


def test_unknown_parameters_are_ignored_as_on_offres(client):
    JobOfferFactory(published=True)

    assert get_json(client, "api:offers", {"format": "xml", "utm_source": "x"})["total"] == 1


def test_every_error_is_listed_at_once(client):
    body = get_json(client, "api:offers", {"contrat": ["cdi", "stage", "cdd"], "tri": "x"}, status=400)

    assert [(d["parametre"], d["valeur"]) for d in body["erreur"]["details"]] == [
        ("contrat", "cdi"),
        ("contrat", "cdd"),
        ("tri", "x"),
    ]


def test_a_page_costs_the_same_queries_whatever_its_length(client):
    for number in range(12):
        JobOfferFactory(published=True, skill_names=(f"compétence {number}",), contract_codes=("stage", "freelance"))

    def queries(size):
        client.get("/api/v1/offres/", {"taille": size})
        with CaptureQueriesContext(connection) as captured:
            response = client.get("/api/v1/offres/", {"taille": size})
        assert len(json.loads(response.content)["resultats"]) == size
        return len(captured)

    assert queries(2) == queries(12)


def test_etag_and_304(client):
    JobOfferFactory(published=True)
    response = client.get("/api/v1/offres/")
    etag = response["ETag"]

    again = client.get("/api/v1/offres/", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    assert again["ETag"] == etag

    JobOfferFactory(published=True)
    assert client.get("/api/v1/offres/", headers={"If-None-Match": etag}).status_code == 200
