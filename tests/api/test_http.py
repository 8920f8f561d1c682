"""What every API answer shares: read-only CORS, the per-client rate limit (429 + Retry-After), JSON
errors for other methods, and no place in the public page cache."""

import json

import pytest

from tests.factories import JobOfferFactory

pytestmark = pytest.mark.django_db

API_URLS = ["/api/v1/offres/", "/api/v1/institutions/", "/api/v1/openapi.json", "/api/v1/donnees/offres.schema.json"]


@pytest.fixture(autouse=True)
def database_engine(settings):
    settings.ELASTICSEARCH_URL = ""


@pytest.mark.parametrize("url", API_URLS)
def test_any_site_may_read_the_api_without_credentials(client, url):
    response = client.get(url, headers={"Origin": "https://emploi.example.org"})

    assert response.status_code == 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response.cookies == {}


@pytest.mark.parametrize("url", API_URLS)
def test_a_preflight_allows_reading_only(client, url):
    response = client.options(
        url, headers={"Origin": "https://emploi.example.org", "Access-Control-Request-Method": "GET"}
    )

    assert response.status_code == 204
    assert response["Access-Control-Allow-Origin"] == "*"
    assert response["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writing_is_refused_in_json(client, method):
    response = getattr(client, method)("/api/v1/offres/")

    assert response.status_code == 405
    assert response["Allow"] == "GET, HEAD, OPTIONS"
    assert response["Access-Control-Allow-Origin"] == "*"
    body = json.loads(response.content)
    assert "lecture seule" in body["erreur"]["message"] and "read-only" in body["erreur"]["message_en"]


def test_head_answers_like_get(client):
    JobOfferFactory(published=True)

    assert client.head("/api/v1/offres/").status_code == 200


def test_cors_is_for_the_api_only(client):
    assert "Access-Control-Allow-Origin" not in client.get("/offres/")


def test_each_client_has_its_own_limit_then_a_429_with_retry_after(client, settings):
    settings.API_RATE_LIMIT, settings.API_RATE_LIMIT_PERIOD = 3, 60

    answers = [client.get("/api/v1/institutions/", REMOTE_ADDR="192.0.2.1") for _ in range(4)]

    assert [answer.status_code for answer in answers] == [200, 200, 200, 429]
    refused = answers[-1]
    assert 1 <= int(refused["Retry-After"]) <= 61
    assert refused["Access-Control-Allow-Origin"] == "*"
    body = json.loads(refused.content)
    assert body["erreur"]["code"] == "trop_de_requetes"
    assert "Trop de requêtes" in body["erreur"]["message"] and "Too many requests" in body["erreur"]["message_en"]
    assert answers[0]["X-RateLimit-Remaining"] == "2"
    # Another address is not held back, and the datasets count too.
    assert client.get("/api/v1/institutions/", REMOTE_ADDR="192.0.2.2").status_code == 200
    assert client.get("/api/v1/donnees/offres.csv", REMOTE_ADDR="192.0.2.1").status_code == 429


def test_api_answers_never_come_from_the_page_cache(client, settings):
    """The page cache would skip the rate limit and replace the ETag."""
    settings.PAGE_CACHE_ENABLED = True
    settings.API_RATE_LIMIT = 1
    client.get("/api/v1/institutions/")

    assert client.get("/api/v1/institutions/").status_code == 429
