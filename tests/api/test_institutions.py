"""/api/v1/institutions/: the employers with open offers or a public page, with their open offers."""

import pytest

from editorial.models import InstitutionPage
from tests.api.helpers import get_json
from tests.factories import InstitutionFactory, JobOfferFactory
from tests.jobs.helpers import expired_offer

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def database_engine(settings):
    settings.ELASTICSEARCH_URL = ""
    settings.API_RATE_LIMIT = 0


def test_employers_with_open_offers_or_a_public_page(client, demo_site):
    hiring = InstitutionFactory(name="Agence qui recrute", slug="recrute")
    JobOfferFactory(published=True, institution=hiring)
    JobOfferFactory(published=True, institution=hiring)
    closed = InstitutionFactory(name="Agence sans offre ouverte", slug="fermee")
    expired_offer(institution=closed)
    InstitutionFactory(name="Agence sans rien", slug="rien")

    body = get_json(client, "api:institutions")

    by_slug = {item["identifiant"]: item for item in body["resultats"]}
    assert by_slug["recrute"]["nombre_offres_ouvertes"] == 2
    assert by_slug["recrute"]["offres"] == "http://testserver/api/v1/offres/?institution=recrute"
    assert "fermee" not in by_slug and "rien" not in by_slug
    with_page = InstitutionPage.objects.live().select_related("institution").first()
    if with_page is not None:
        assert by_slug[with_page.institution.slug]["page"] == f"http://testserver{with_page.url}"


def test_with_a_search_only_employers_with_matching_offers(client):
    python = InstitutionFactory(slug="python")
    JobOfferFactory(published=True, institution=python, title="Développeuse Python")
    JobOfferFactory(published=True, institution=InstitutionFactory(slug="autre"), title="Juriste")

    body = get_json(client, "api:institutions", {"q": "python"})

    counts = {item["identifiant"]: item["nombre_offres_ouvertes"] for item in body["resultats"]}
    assert counts["python"] == 1
    assert "autre" not in counts  # it has open offers, none of this search
    assert all(counts.values())


def test_bad_values_are_a_400(client):
    body = get_json(client, "api:institutions", {"contrat": "cdi"}, status=400)

    assert body["erreur"]["details"][0]["parametre"] == "contrat"
