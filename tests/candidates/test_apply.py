"""Applying on MetNum: the button on the offer page, the form, the CV kept privately, the emails,
one application per offer, closed offers, and the candidate's own CV download."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.test import Client
from django.utils import timezone

from candidates.models import Application
from tests.factories import InstitutionFactory, JobOfferFactory

from .helpers import cv_file, html_of, receiving_offer, request_link, sign_in_links, signed_in_client, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def apply(django_capture_on_commit_callbacks):
    def post(client, offer, letter="Je souhaite rejoindre votre équipe.", cv=None):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(
                f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": letter, "cv": cv or cv_file()}
            )

    return post


def recruiter(institution, email="recruteuse@example.gouv.fr", recruit=True):
    from django.contrib.auth import get_user_model

    group, _ = Group.objects.get_or_create(name=f"Éditeurs {institution.pk} {recruit}")
    if recruit:
        group.permissions.add(Permission.objects.get(codename="recruit"))
    institution.editor_groups.add(group)
    user = get_user_model().objects.create_user(username=email, email=email, password="x" * 16)
    user.groups.add(group)
    return user


def test_the_offer_page_shows_the_metnum_button_only_for_institutions_that_chose_it(client):
    here = receiving_offer()
    elsewhere = JobOfferFactory(published=True)

    page = client.get(here.get_absolute_url()).content.decode()
    other = client.get(elsewhere.get_absolute_url()).content.decode()

    assert f'href="/espace-candidat/postuler/{here.pk}/"' in page and "Postuler sur Métiers du numérique" in page
    assert "/espace-candidat/postuler/" not in other
    assert f'href="/offres/{elsewhere.slug}/candidater/"' in other  # the employer's address, through the counted link


def test_a_signed_out_candidate_signs_in_and_comes_back_to_the_form(client):
    offer = receiving_offer()

    response = client.get(f"/espace-candidat/postuler/{offer.pk}/")

    assert response.status_code == 302
    assert response["Location"] == f"/espace-candidat/connexion/?suivant=%2Fespace-candidat%2Fpostuler%2F{offer.pk}%2F"
    form = client.get(response["Location"]).content.decode()
    assert f'name="suivant" value="/espace-candidat/postuler/{offer.pk}/"' in form
    request_link(client, "camille@example.fr", next_url=f"/espace-candidat/postuler/{offer.pk}/")
    response = client.post(sign_in_links("camille@example.fr")[-1])
    # A new candidate gives a name first, then comes back to the offer's form.
    assert response["Location"] == f"/espace-candidat/profil/?suivant=%2Fespace-candidat%2Fpostuler%2F{offer.pk}%2F"
    response = client.post(
        "/espace-candidat/profil/",
        {"first_name": "Camille", "last_name": "Martin", "suivant": f"/espace-candidat/postuler/{offer.pk}/"},
    )
    assert response["Location"] == f"/espace-candidat/postuler/{offer.pk}/"
    assert "Envoyer ma candidature" in client.get(response["Location"]).content.decode()


def test_applying_stores_the_cv_privately_and_sends_both_emails(client, apply, settings):
    offer = receiving_offer(title="Développeuse <Python>")
    recruiter(offer.institution)
    recruiter(offer.institution, email="communication@example.gouv.fr", recruit=False)
    signed_in_client(client)

    response = apply(client, offer, cv=cv_file(name="../../CV Camille Martin é.pdf"))

    assert response.status_code == 302 and response["Location"] == "/espace-candidat/?candidature=envoyee"
    application = Application.objects.get()
    assert application.cv_name == "CV-Camille-Martin-e.pdf"
    assert application.status == "a_traiter"
    [path] = stored_files(settings)
    assert str(path).startswith(str(settings.PRIVATE_MEDIA_ROOT)) and not str(path).startswith(str(settings.MEDIA_ROOT))
    assert "Camille" not in path.name
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert client.get(f"/media/{application.cv.name}").status_code == 404
    assert Client().get(f"/media/{application.cv.name}").status_code == 404
    [confirmation] = [message for message in mail.outbox if message.subject.startswith("Candidature envoyée")]
    assert confirmation.to == ["camille@example.fr"]
    assert confirmation.subject == "Candidature envoyée : Développeuse <Python>"
    assert "Développeuse &lt;Python&gt;" in html_of(confirmation)
    [notification] = [message for message in mail.outbox if "Nouvelle candidature" in message.subject]
    assert notification.to == ["recruteuse@example.gouv.fr"]
    assert not notification.attachments
    assert "camille" not in (notification.body + html_of(notification)).lower()
    assert f"http://testserver/admin/candidatures/{application.pk}/" in notification.body
    home = client.get("/espace-candidat/?candidature=envoyee").content.decode()
    assert "Votre candidature a été envoyée" in home and "À traiter" in home


def test_one_application_per_offer(client, apply, settings):
    offer = receiving_offer()
    signed_in_client(client)
    apply(client, offer)

    response = apply(client, offer)

    assert response.status_code == 409
    assert "Vous avez déjà postulé à cette offre" in response.content.decode()
    assert Application.objects.count() == 1 and len(stored_files(settings)) == 1


def test_a_closed_offer_refuses_new_applications(client, apply, settings):
    offer = receiving_offer()
    JobOfferFactory._meta.model.objects.filter(pk=offer.pk).update(filled_at=timezone.localdate())
    signed_in_client(client)

    page = client.get(f"/espace-candidat/postuler/{offer.pk}/").content.decode()
    response = apply(client, offer)

    assert "accepte plus de candidatures" in page and "Envoyer ma candidature" not in page
    assert response.status_code == 409 and not Application.objects.exists() and not stored_files(settings)


def test_offers_of_other_institutions_have_no_form(client, apply):
    offer = JobOfferFactory(published=True, institution=InstitutionFactory())
    signed_in_client(client)

    assert client.get(f"/espace-candidat/postuler/{offer.pk}/").status_code == 404
    assert apply(client, offer).status_code == 404
    assert not Application.objects.exists()


def test_the_candidate_downloads_their_cv_as_an_attachment(client, apply):
    offer = receiving_offer()
    signed_in_client(client)
    apply(client, offer, cv=cv_file(name="mon-cv.pdf"))
    application = Application.objects.get()

    response = client.get(f"/espace-candidat/candidatures/{application.pk}/cv/")

    assert response["Content-Disposition"] == 'attachment; filename="mon-cv.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")
    assert Client().get(f"/espace-candidat/candidatures/{application.pk}/cv/").status_code == 302


def test_the_form_shows_errors_linked_to_their_fields(client, apply, settings):
    offer = receiving_offer()
    signed_in_client(client)

    response = apply(client, offer, letter="", cv=cv_file(content=b"GIF89a pas un pdf"))
    page = response.content.decode()

    assert response.status_code == 400
    assert "<title>Erreur : " in page
    assert 'href="#id_cover_letter"' in page and 'href="#id_cv"' in page
    assert "Écrivez votre lettre de motivation." in page
    assert "Ce fichier n&#x27;est pas un PDF" in page
    assert 'class="fr-upload-group fr-upload-group--error' in page
    assert not Application.objects.exists() and not stored_files(settings)


def test_deleting_an_offer_deletes_its_applications_and_cvs(
    client, apply, settings, django_capture_on_commit_callbacks
):
    offer = receiving_offer()
    signed_in_client(client)
    apply(client, offer)

    with django_capture_on_commit_callbacks(execute=True):
        offer.delete()

    assert not Application.objects.exists() and not stored_files(settings)


def test_an_offer_past_its_deadline_is_closed(client, apply):
    offer = receiving_offer(deadline=timezone.localdate() - datetime.timedelta(days=1))
    signed_in_client(client)

    assert apply(client, offer).status_code == 409


def test_the_space_lists_applications_in_the_same_number_of_queries_whatever_their_number(client, apply):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    signed_in_client(client)
    apply(client, receiving_offer())

    def queries():
        with CaptureQueriesContext(connection) as context:
            assert client.get("/espace-candidat/").status_code == 200
        return len(context)

    queries()  # the first page fills the caches (site root, settings)
    one = queries()
    for _ in range(3):
        apply(client, receiving_offer())
    assert queries() == one
