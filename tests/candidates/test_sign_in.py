"""Signing in without a password: an emailed link, signed, single use, 15 minutes; rate limits; sign
out and sign out everywhere; never a Django user, never the admin; pages never cached."""

import datetime
import time

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from candidates.models import Candidate

from .helpers import html_of, request_link, sign_in_links, signed_in_client

pytestmark = pytest.mark.django_db


def test_a_link_signs_in_once_and_opens_a_new_space(client):
    response = request_link(client, "  Camille@Example.FR ")

    assert response.status_code == 302 and response["Location"] == "/espace-candidat/connexion/lien-envoye/"
    [message] = mail.outbox
    assert message.to == ["camille@example.fr"]
    assert "Me connecter" in html_of(message) and "15 minutes" in message.body
    [link] = sign_in_links("camille@example.fr")
    # Opening the link (a mail scanner does) spends nothing: it asks to confirm.
    assert client.get(link).status_code == 200
    assert not Candidate.objects.exists()

    response = client.post(link)

    candidate = Candidate.objects.get()
    assert candidate.email == "camille@example.fr"
    assert response["Location"] == "/espace-candidat/profil/"  # a new space asks for a name first
    assert Client().post(link).status_code == 404  # once only
    assert "ne fonctionne plus" in Client().post(link).content.decode()


def test_the_answer_never_tells_whether_an_address_is_known(client):
    Candidate.objects.create(email="connue@example.fr", first_name="A", last_name="B")

    known = request_link(Client(), "connue@example.fr")
    unknown = request_link(Client(), "inconnue@example.fr")

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 2  # both receive the same link email


def test_a_link_expires_after_15_minutes(client, settings):
    request_link(client, "camille@example.fr")
    [link] = sign_in_links("camille@example.fr")
    real_time = time.time
    try:
        time.time = lambda: real_time() + 16 * 60
        response = client.post(link)
    finally:
        time.time = real_time

    assert response.status_code == 404
    assert not Candidate.objects.exists()


def test_a_tampered_link_is_refused(client):
    request_link(client, "camille@example.fr")
    [link] = sign_in_links("camille@example.fr")

    assert client.post(link[:-5] + "AAAA/").status_code == 404


def test_requests_are_limited_per_address_and_per_client(settings):
    settings.CANDIDATES_SIGN_IN_PER_ADDRESS = 2
    settings.CANDIDATES_SIGN_IN_PER_CLIENT = 4
    for _ in range(2):
        assert request_link(Client(REMOTE_ADDR="10.0.0.1"), "camille@example.fr").status_code == 302

    response = request_link(Client(REMOTE_ADDR="10.0.0.2"), "camille@example.fr")

    assert response.status_code == 429
    assert "Trop de liens de connexion" in response.content.decode()
    client = Client(REMOTE_ADDR="10.0.0.3")
    statuses = [request_link(client, f"personne{n}@example.fr").status_code for n in range(5)]
    assert statuses == [302, 302, 302, 302, 429]
    assert len(mail.outbox) == 6


def test_a_next_path_brings_the_candidate_back_but_never_to_another_site(client):
    Candidate.objects.create(email="camille@example.fr", first_name="Camille", last_name="Martin")
    request_link(client, "camille@example.fr", next_url="/offres/12-une-offre/")
    request_link(client, "camille@example.fr", next_url="//evil.example/")
    request_link(client, "camille@example.fr", next_url="https://evil.example/")
    first, second, third = sign_in_links("camille@example.fr")

    assert client.post(first)["Location"] == "/offres/12-une-offre/"
    assert client.post(second)["Location"] == "/espace-candidat/"
    assert client.post(third)["Location"] == "/espace-candidat/"


def test_a_candidate_is_no_django_user_and_never_reaches_the_admin(client):
    signed_in_client(client)

    assert client.get("/espace-candidat/").status_code == 200
    response = client.get("/admin/")
    assert response.status_code == 302 and response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session


def test_sign_out_and_sign_out_everywhere():
    laptop, phone = signed_in_client(Client()), Client()
    request_link(phone, "camille@example.fr")
    phone.post(sign_in_links("camille@example.fr")[-1])
    assert phone.get("/espace-candidat/").status_code == 200

    laptop.post("/espace-candidat/deconnexion/")
    assert laptop.get("/espace-candidat/").status_code == 302
    assert not laptop.cookies.get("sessionid") or not laptop.cookies["sessionid"].value
    assert phone.get("/espace-candidat/").status_code == 200

    request_link(laptop, "camille@example.fr")
    laptop.post(sign_in_links("camille@example.fr")[-1])
    laptop.post("/espace-candidat/deconnexion-partout/")

    assert laptop.get("/espace-candidat/").status_code == 302
    assert phone.get("/espace-candidat/")["Location"].startswith("/espace-candidat/connexion/")


def test_candidate_pages_are_private_and_never_served_from_the_page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    camille = signed_in_client(Client())

    page = camille.get("/espace-candidat/")

    assert "Camille Martin" in page.content.decode()
    assert "no-store" in page["Cache-Control"] and "private" in page["Cache-Control"]
    stranger = Client()
    response = stranger.get("/espace-candidat/")
    assert response.status_code == 302
    assert "Camille" not in stranger.get("/espace-candidat/", follow=True).content.decode()
    for path in ("/espace-candidat/connexion/", "/espace-candidat/connexion/lien-envoye/"):
        assert "no-store" in Client().get(path)["Cache-Control"]


def test_activity_is_recorded_for_the_purge(client):
    signed_in_client(client)
    old = timezone.now() - datetime.timedelta(days=3)
    Candidate.objects.update(last_seen_at=old, deletion_warning_sent_at=old)

    client.get("/espace-candidat/")

    candidate = Candidate.objects.get()
    assert candidate.last_seen_at > old and candidate.deletion_warning_sent_at is None
