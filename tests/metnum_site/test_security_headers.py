"""Security headers on every kind of response: public pages, feeds, errors, the admin and its previews."""

import re

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model

from jobs.models import JobOffer

pytestmark = pytest.mark.django_db

PUBLIC_PATHS = [
    "/",
    "/offres/",
    "/offres/?q=data",
    "/employeurs/",
    "/offres/flux.rss",
    "/sitemap.xml",
    "/page-absente/",
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split(";") if part.strip()}


def assert_common_headers(response):
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", PUBLIC_PATHS)
def test_public_responses_carry_the_strict_policy(client, demo_site, path):
    response = client.get(path)

    assert "Content-Security-Policy-Report-Only" not in response
    policy = directives(response)
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]
    assert "'unsafe-inline'" not in policy["script-src"] and "'unsafe-eval'" not in policy["script-src"]
    assert "'unsafe-inline'" not in policy.get("style-src", [])
    assert_common_headers(response)


def test_every_executable_script_of_a_page_is_external_or_carries_the_nonce(client, demo_site):
    offer = JobOffer.objects.open().first()
    for path in ["/", "/offres/", offer.get_absolute_url()]:
        response = client.get(path)
        nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"])
        assert nonce, f"{path}: no nonce in the policy"
        html = BeautifulSoup(response.content, "html.parser")
        for script in html.find_all("script"):
            if script.get("type") in {"application/ld+json", "application/json"}:
                continue  # data blocks are never executed
            assert script.get("src", "").startswith("/static/") or script.get("nonce") == nonce.group(1), script


def test_the_nonce_changes_with_every_request(client, demo_site):
    first, second = (re.search(r"'nonce-([^']+)'", client.get("/")["Content-Security-Policy"]) for _ in range(2))
    assert first.group(1) != second.group(1)


@pytest.mark.parametrize(("path", "signed_in"), [("/admin/login/", False), ("/admin/", True)])
def test_the_admin_gets_its_own_policy_with_written_relaxations(client, demo_site, path, signed_in):
    if signed_in:
        user = get_user_model().objects.create_superuser("chef", "chef@example.gouv.fr", "mot-de-passe-solide-42")
        client.force_login(user)

    response = client.get(path)

    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]  # no nonce: it would disable unsafe-inline
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    assert "'unsafe-eval'" not in policy["script-src"]
    assert_common_headers(response)


def test_the_offer_preview_may_be_framed_by_the_admin_only(client, demo_site):
    user = get_user_model().objects.create_superuser("chef", "chef@example.gouv.fr", "mot-de-passe-solide-42")
    client.force_login(user)
    offer = JobOffer.objects.open().first()

    response = client.get(f"/admin/snippets/jobs/joboffer/preview/{offer.pk}/")

    assert response.status_code == 200
    assert directives(response)["frame-ancestors"] == ["'self'"]
    assert response.get("X-Frame-Options", "SAMEORIGIN") == "SAMEORIGIN"
