"""A candidate never reaches another's profile, application or CV, on any URL of the candidates' space
(read from the URLconf: a URL added later is requested too, and one whose parameters the table below
cannot fill fails the test); no email address reaches the logs or a URL."""

import logging

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RoutePattern

from candidates.models import Application, Candidate, SignInLink
from demo.cv_files import cv_pdf
from tests.editorial.admin_urls import ROUTE_PARAMETER

from .helpers import cv_file, receiving_offer, request_link, sign_in_links, signed_in_client, stored_files

pytestmark = pytest.mark.django_db
SECRET = "Ornithorynque"  # only in the first candidate's name, letter and CV


def candidate_patterns():
    """(route, parameter names) of every pattern under the candidates' namespace."""
    found = []

    def walk(patterns, prefix, inside):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                walk(pattern.url_patterns, prefix + str(pattern.pattern), inside or pattern.namespace == "candidates")
            elif inside:
                assert isinstance(pattern.pattern, RoutePattern)
                route = prefix + str(pattern.pattern)
                found.append((route, ROUTE_PARAMETER.findall(route)))

    walk(get_resolver().url_patterns, "", False)
    return found


@pytest.fixture
def owner(django_capture_on_commit_callbacks):
    """The first candidate, who applied with a CV holding the secret, and their client."""
    client = signed_in_client(Client(), email="proprietaire@example.fr", first_name="Alex", last_name=SECRET)
    offer = receiving_offer()
    cv = cv_file(content=cv_pdf([f"Alex {SECRET}", "CV confidentiel"], compress=False))
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": f"Lettre {SECRET}", "cv": cv})
    return client, Application.objects.get()


def url_for(route, parameters, application):
    values = {"application_id": application.pk, "offer_id": application.offer_id, "token": "x"}
    missing = [name for name in parameters if name not in values]
    assert not missing, f"{route} : aucune valeur pour {missing} ; ajoutez-en une dans url_for()"
    return "/" + ROUTE_PARAMETER.sub(lambda match: str(values[match.group(1)]), route)


def body_of(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def test_the_table_covers_every_candidate_url():
    routes = [route for route, _ in candidate_patterns()]

    assert "espace-candidat/candidatures/<int:application_id>/cv/" in routes
    assert len(routes) >= 14


def test_no_candidate_reaches_another_candidates_data_on_any_url(owner, settings):
    settings.CANDIDATES_SIGN_IN_PER_CLIENT = 1000  # every intruder signs in from the same test address
    owner_client, application = owner
    cv_bytes = application.cv.open("rb").read()
    application.cv.close()
    checked = 0
    for route, parameters in candidate_patterns():
        url = url_for(route, parameters, application)
        for method in ("get", "post"):
            intruder = signed_in_client(Client(), email=f"intrus-{checked}@example.fr", first_name="Sam", last_name="B")
            response = getattr(intruder, method)(url, {"email": "intrus@example.fr"} if method == "post" else None)
            body = body_of(response)
            assert SECRET.encode() not in body, f"{method.upper()} {url}"
            assert b"proprietaire@example.fr" not in body, f"{method.upper()} {url}"
            assert cv_bytes not in body or not body, f"{method.upper()} {url}"
            checked += 1
    # Nothing of the owner's changed.
    assert Candidate.objects.filter(last_name=SECRET).exists()
    assert Application.objects.filter(pk=application.pk, cover_letter=f"Lettre {SECRET}").exists()
    assert len([path for path in stored_files(settings) if path.read_bytes() == cv_bytes]) == 1
    # Positive control: the owner reaches their own CV and data on the same URLs.
    own_cv = owner_client.get(f"/espace-candidat/candidatures/{application.pk}/cv/")
    assert body_of(own_cv) == cv_bytes
    assert SECRET in owner_client.get("/espace-candidat/").content.decode()


def test_signed_out_visitors_reach_no_candidate_data(owner):
    _, application = owner
    for route, parameters in candidate_patterns():
        url = url_for(route, parameters, application)
        for method in ("get", "post"):
            response = getattr(Client(), method)(url)
            assert SECRET.encode() not in body_of(response), f"{method.upper()} {url}"
            assert response.status_code in (200, 302, 400, 403, 404, 405), f"{method.upper()} {url}"


def test_no_email_address_reaches_the_logs_or_a_url(caplog, settings, django_capture_on_commit_callbacks):
    caplog.set_level(logging.DEBUG)
    client = Client()
    offer = receiving_offer()
    request_link(client, "camille.secret@example.fr", next_url=f"/espace-candidat/postuler/{offer.pk}/")
    [link] = sign_in_links("camille.secret@example.fr")
    client.post(link)
    client.post(link)  # spent: a 404, logged with its path
    client.post("/espace-candidat/profil/", {"first_name": "Camille", "last_name": "Secret"})
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "", "cv": cv_file(content=b"x")})
        client.post(f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "Lettre", "cv": cv_file()})
        client.post(f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "Lettre", "cv": cv_file()})

    assert "camille.secret" not in link
    assert SignInLink.objects.filter(email="camille.secret@example.fr").exists()
    logged = []
    for record in caplog.records:
        logged.append(record.getMessage())
        request = getattr(record, "request", None)
        if request is not None:
            logged.append(request.get_full_path())
    assert logged, "the views log nothing: the test would prove nothing"
    assert not [line for line in logged if "camille.secret" in line or "example.fr" in line]
