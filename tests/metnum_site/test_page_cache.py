"""The page cache of anonymous public pages (metnum_site/page_cache.py): what it serves, when it lets go."""

import datetime
import gzip
import re
import time
import uuid

import pytest
import redis
from django.core.cache import caches
from django.test.utils import override_settings
from django.utils import timezone

from editorial.models import GuidePage, InstitutionPage
from jobs.importer import import_offers
from jobs.models import JobOffer
from metnum_site.settings.base import cache_settings
from tests.factories import JobOfferFactory

pytestmark = pytest.mark.django_db
NONCE = re.compile(r"'nonce-([^']+)'")


@pytest.fixture(autouse=True)
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def public_paths():
    offer = JobOffer.objects.open().first()
    institution_page = InstitutionPage.objects.live().first()
    guide = GuidePage.objects.live().first()
    return [
        "/",
        "/employeurs/",
        "/offres/",
        "/offres/?q=donn%C3%A9es&teletravail=partiel",
        offer.get_absolute_url(),
        institution_page.url,
        guide.url,
        "/offres/flux.rss",
        "/sitemap.xml",
        "/sitemap-offres-1.xml",
    ]


def body_without_nonce(response):
    nonce = NONCE.search(response.get("Content-Security-Policy", ""))
    content = response.content.decode()
    return content.replace(nonce.group(1), "") if nonce else content


def test_the_second_anonymous_request_is_served_from_the_cache(client, demo_site, django_assert_num_queries):
    for path in public_paths():
        first = client.get(path)
        assert first.status_code == 200, path

        with django_assert_num_queries(0):
            second = client.get(path)

        assert second.status_code == 200
        assert body_without_nonce(second) == body_without_nonce(first), path
        assert second["Content-Type"] == first["Content-Type"]
        assert second["Cache-Control"] == "private, no-cache"


def test_each_page_from_the_cache_carries_its_own_nonce_in_body_and_policy(client, demo_site):
    responses = [client.get("/") for _ in range(3)]

    nonces = [NONCE.search(response["Content-Security-Policy"]).group(1) for response in responses]
    assert len(set(nonces)) == 3
    for response, nonce in zip(responses, nonces, strict=True):
        scripts = re.findall(r'<script[^>]* nonce="([^"]+)"', response.content.decode())
        assert scripts and set(scripts) == {nonce}


def test_a_known_etag_gets_304_without_body_nor_policy(client, demo_site):
    first = client.get("/offres/")
    etag = first["ETag"]

    again = client.get("/offres/", HTTP_IF_NONE_MATCH=etag)
    other = client.get("/offres/", HTTP_IF_NONE_MATCH='W/"autre"')

    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == etag
    assert "Content-Security-Policy" not in again
    assert other.status_code == 200


def test_publishing_and_unpublishing_an_offer_shows_at_once(client, demo_site):
    for path in ("/", "/offres/"):
        assert "Intendante numérique du Grand Nord" not in client.get(path).content.decode()

    offer = JobOfferFactory(title="Intendante numérique du Grand Nord", published=True)

    for path in ("/", "/offres/"):
        assert "Intendante numérique du Grand Nord" in client.get(path).content.decode(), path
    assert client.get(offer.get_absolute_url()).status_code == 200

    offer.unpublish()

    for path in ("/", "/offres/"):
        assert "Intendante numérique du Grand Nord" not in client.get(path).content.decode(), path
    assert client.get(offer.get_absolute_url()).status_code == 404


def test_publishing_and_unpublishing_a_page_shows_at_once(client, demo_site):
    guide = GuidePage.objects.live().first()
    index_url = guide.get_parent().url
    client.get(guide.url), client.get(index_url)

    guide.title = "Le guide entièrement réécrit"
    guide.save_revision().publish()

    assert "Le guide entièrement réécrit" in client.get(guide.url).content.decode()
    assert "Le guide entièrement réécrit" in client.get(index_url).content.decode()

    guide.unpublish()

    assert client.get(guide.url).status_code == 404
    assert "Le guide entièrement réécrit" not in client.get(index_url).content.decode()


def test_an_import_shows_at_once(client, demo_site):
    row = {
        "external_id": "CACHE-1",
        "title": "Cartographe des données du littoral",
        "institution": "DINUM",
        "profession": "donnees",
        "contract_types": "contractuel",
        "city": "Brest",
        "postal_code": "29200",
        "description": "Cartographier les données du littoral.",
        "apply_url": "https://choisirleservicepublic.gouv.fr/offre-emploi/cache-1/",
        "published_at": timezone.localdate().isoformat(),
        "deadline": (timezone.localdate() + datetime.timedelta(days=30)).isoformat(),
    }
    assert "Cartographe des données du littoral" not in client.get("/offres/").content.decode()

    result = import_offers([row], "test")

    assert not result.errors, result.errors
    assert "Cartographe des données du littoral" in client.get("/offres/").content.decode()


def test_an_offer_leaves_cached_pages_at_its_scheduled_expiry(client, demo_site):
    expiry = timezone.now() + datetime.timedelta(seconds=2)
    JobOfferFactory(title="Offre qui expire dans deux secondes", expire_at=expiry, published=True)
    assert "Offre qui expire dans deux secondes" in client.get("/offres/").content.decode()

    time.sleep(max(0, (expiry - timezone.now()).total_seconds()) + 1.1)

    assert "Offre qui expire dans deux secondes" not in client.get("/offres/").content.decode()


def test_cached_pages_end_at_midnight_when_deadlines_pass(db):
    now = timezone.make_aware(datetime.datetime(2026, 3, 10, 15, 30))

    assert JobOffer.objects.next_open_change(now) == timezone.make_aware(datetime.datetime(2026, 3, 11))


def test_signed_in_people_never_get_nor_fill_the_cache(client, demo_site, django_user_model):
    client.get("/offres/")  # kept for anonymous visitors
    user = django_user_model.objects.create_superuser("cache-admin", "cache@example.gouv.fr", "motdepasse-123456")
    client.force_login(user)

    signed_in = client.get("/guides/")
    assert signed_in.status_code == 200
    assert "ETag" not in signed_in and signed_in.get("Cache-Control") != "private, no-cache"
    assert client.get("/offres/").get("Cache-Control") != "private, no-cache"

    client.logout()
    first_anonymous = client.get("/guides/")
    assert first_anonymous["Cache-Control"] == "private, no-cache"
    assert "wagtail-userbar" not in first_anonymous.content.decode()


def test_not_found_pages_are_not_kept(client, demo_site):
    assert client.get("/offres/pas-une-offre/").status_code == 404

    response = client.get("/offres/pas-une-offre/")

    assert response.status_code == 404 and "ETag" not in response


def redis_url():
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis ne répond pas sur 127.0.0.1:6379 : le cache de production n'est pas essayé.")
    return url


def test_the_production_cache_on_redis_keeps_and_lets_go_of_pages(client, demo_site, django_assert_num_queries):
    url = redis_url()
    production_caches = cache_settings(url)
    prefix = f"metnum-test-{uuid.uuid4().hex[:8]}"
    production_caches["default"]["KEY_PREFIX"] = prefix
    with override_settings(CACHES=production_caches):
        assert caches["default"].__class__.__name__ == "RedisCache"
        try:
            client.get("/offres/")
            with django_assert_num_queries(0):
                kept = client.get("/offres/")
            assert kept.status_code == 200

            JobOfferFactory(title="Offre publiée pendant que Redis garde la liste", published=True)

            assert "Offre publiée pendant que Redis garde la liste" in client.get("/offres/").content.decode()
        finally:
            server = redis.Redis.from_url(url)
            for key in server.scan_iter(f"{prefix}:*"):
                server.delete(key)


def test_a_page_cached_for_a_gzip_client_reaches_every_client_in_its_own_encoding(client, demo_site):
    compressed = client.get("/offres/", HTTP_ACCEPT_ENCODING="gzip, br")
    plain = client.get("/offres/")
    compressed_again = client.get("/offres/", HTTP_ACCEPT_ENCODING="gzip")

    assert compressed["Content-Encoding"] == compressed_again["Content-Encoding"] == "gzip"
    assert not plain.has_header("Content-Encoding")
    assert plain.content.lstrip().startswith(b"<!DOCTYPE html>") or b"<html" in plain.content[:300]
    assert gzip.decompress(compressed_again.content).replace(
        compressed_again.wsgi_request._csp_nonce.encode(), b""
    ) == plain.content.replace(plain.wsgi_request._csp_nonce.encode(), b"")
