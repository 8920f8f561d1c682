"""The profile (every field, an explicit opt-in to the talent pool, hidden institutions), the archive
of all one's data, deleting everything in one step, and the purge of what is kept too long."""

import datetime
import io
import json
import zipfile

import pytest
from django.core import mail
from django.utils import timezone

from candidates import purge
from candidates.models import Application, Candidate, SignInLink
from jobs.models import ContractType, JobOffer, Profession
from tests.factories import InstitutionFactory

from .helpers import cv_file, receiving_offer, signed_in_client, stored_files

pytestmark = pytest.mark.django_db


@pytest.fixture
def applied(client, django_capture_on_commit_callbacks):
    """A signed-in client whose candidate applied to an offer."""
    offer = receiving_offer(title="Data engineer")
    signed_in_client(client)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"/espace-candidat/postuler/{offer.pk}/", {"cover_letter": "Ma lettre.", "cv": cv_file()})
    return client


def test_the_profile_form_saves_every_field(client):
    signed_in_client(client)
    employer = InstitutionFactory(name="Mon employeur actuel")
    page = client.get("/espace-candidat/profil/").content.decode()
    assert 'name="in_talent_pool"' in page and " checked" not in page.split('name="in_talent_pool"')[1][:80]
    assert "sans votre adresse e-mail ni votre téléphone" in page

    response = client.post(
        "/espace-candidat/profil/",
        {
            "first_name": "Camille",
            "last_name": "Martin",
            "phone": "06 12 34 56 78",
            "region": "11",
            "current_job": "Développeuse",
            "years_of_experience": "6",
            "github_url": "github.com/camille",
            "portfolio_url": "https://camille.example.fr",
            "contract_types": [ContractType.objects.get(code="contractuel").pk],
            "domains": [Profession.objects.get(slug="donnees").pk],
            "in_talent_pool": "on",
            "hidden_institutions": [employer.pk],
        },
    )

    assert response.status_code == 302
    candidate = Candidate.objects.get()
    assert (candidate.region, candidate.get_region_display(), candidate.years_of_experience) == (
        "11",
        "Île-de-France",
        6,
    )
    assert candidate.github_url == "https://github.com/camille"
    assert candidate.in_talent_pool
    assert list(candidate.hidden_institutions.all()) == [employer]
    assert [item.code for item in candidate.contract_types.all()] == ["contractuel"]
    assert list(Candidate.objects.visible_to_institution(employer)) == []
    assert list(Candidate.objects.visible_to_institution(InstitutionFactory())) == [candidate]


def test_profile_errors_are_listed_and_linked_to_their_fields(client):
    signed_in_client(client)

    response = client.post(
        "/espace-candidat/profil/",
        {"first_name": "", "last_name": "M", "github_url": "pas une adresse", "region": "99"},
    )
    page = response.content.decode()

    assert response.status_code == 400
    assert "3 champs sont à corriger" in page
    assert 'href="#id_first_name"' in page and 'href="#id_github_url"' in page and 'href="#id_region"' in page
    assert "Indiquez votre prénom." in page


def test_the_archive_holds_all_the_data_and_the_cvs(applied):
    response = applied.get("/espace-candidat/mes-donnees/archive/")

    assert response["Content-Disposition"].startswith("attachment;")
    archive = zipfile.ZipFile(io.BytesIO(response.content))
    data = json.loads(archive.read("donnees.json"))
    assert data["profil"]["adresse_electronique"] == "camille@example.fr"
    [application] = data["candidatures"]
    assert (application["offre"], application["statut"], application["lettre_de_motivation"]) == (
        "Data engineer",
        "À traiter",
        "Ma lettre.",
    )
    assert archive.read(application["cv"]).startswith(b"%PDF-")


def test_deleting_the_space_deletes_everything_in_one_step(applied, settings, django_capture_on_commit_callbacks):
    assert "définitive" in applied.get("/espace-candidat/supprimer/").content.decode()
    assert len(stored_files(settings)) == 1

    with django_capture_on_commit_callbacks(execute=True):
        response = applied.post("/espace-candidat/supprimer/")

    assert response["Location"] == "/espace-candidat/supprime/"
    assert not Candidate.objects.exists() and not Application.objects.exists()
    assert stored_files(settings) == []
    assert applied.get("/espace-candidat/").status_code == 302


def test_the_purge_deletes_old_applications_and_warns_then_deletes_inactive_spaces(
    applied, settings, django_capture_on_commit_callbacks
):
    now = timezone.now()
    offer = JobOffer.objects.get()
    candidate = Candidate.objects.get()
    mail.outbox.clear()

    # The offer closed less than two years ago: the application stays.
    JobOffer.objects.filter(pk=offer.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=700))
    assert purge.purge(now)["candidatures"] == 0
    JobOffer.objects.filter(pk=offer.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=731))
    with django_capture_on_commit_callbacks(execute=True):
        assert purge.purge(now)["candidatures"] == 1
    assert not Application.objects.exists() and stored_files(settings) == []

    # 701 days without a visit: a warning, once.
    Candidate.objects.update(last_seen_at=now - datetime.timedelta(days=701))
    assert purge.purge(now)["avertissements"] == 1
    assert purge.purge(now)["avertissements"] == 0
    [warning] = mail.outbox
    assert warning.to == [candidate.email] and "30 jours" in warning.subject
    # Two years without a visit, warned 30 days before: the space goes.
    later = now + datetime.timedelta(days=31)
    Candidate.objects.update(last_seen_at=later - datetime.timedelta(days=731))
    assert purge.purge(later)["espaces"] == 1
    assert not Candidate.objects.exists()


def test_signing_in_again_cancels_the_warning(client):
    signed_in_client(client)
    Candidate.objects.update(last_seen_at=timezone.now() - datetime.timedelta(days=800))
    purge.purge()
    assert Candidate.objects.get().deletion_warning_sent_at is not None

    signed_in_client(client)
    assert purge.purge(timezone.now() + datetime.timedelta(days=40))["espaces"] == 0
    assert Candidate.objects.get().deletion_warning_sent_at is None


def test_used_sign_in_links_are_forgotten_after_a_day(client):
    signed_in_client(client)
    SignInLink.objects.update(created_at=timezone.now() - datetime.timedelta(days=2))

    purge.purge()

    assert not SignInLink.objects.exists()
