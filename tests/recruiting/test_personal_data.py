"""What recruiting keeps about a candidate goes into their archive and out with the purge."""

import datetime
import io
import json
import zipfile

import pytest
from django.utils import timezone

from candidates import personal_data, purge
from recruiting.models import ApplicationNote, PoolContact

from .world import build

pytestmark = pytest.mark.django_db


def archive_data(candidate):
    return json.loads(zipfile.ZipFile(io.BytesIO(personal_data.export(candidate))).read("donnees.json"))


def test_the_archive_holds_the_pool_messages_and_the_notes_about_the_candidate_only():
    world = build()
    PoolContact.objects.create(
        candidate=world.alice, institution=world.own, sender=world.own_recruiter, message="Un poste vous attend."
    )
    PoolContact.objects.create(candidate=world.bruno, institution=world.other, message="Message pour Bruno.")
    ApplicationNote.objects.create(application=world.own_application, author=world.own_recruiter, text="Profil solide.")
    ApplicationNote.objects.create(application=world.other_application, text="Note sur Bruno.")

    data = archive_data(world.alice)

    assert [(item["institution"], item["message"]) for item in data["messages_du_vivier"]] == [
        ("Ministère des Essais", "Un poste vous attend.")
    ]
    assert [(item["offre"], item["note"]) for item in data["notes_des_recruteurs"]] == [
        ("Offre des Essais", "Profil solide.")
    ]


def test_the_purge_deletes_pool_messages_older_than_two_years():
    world = build()
    now = timezone.now()
    old = PoolContact.objects.create(
        candidate=world.alice, institution=world.own, message="Ancien", sent_at=now - datetime.timedelta(days=731)
    )
    recent = PoolContact.objects.create(
        candidate=world.alice, institution=world.own, message="Récent", sent_at=now - datetime.timedelta(days=700)
    )

    outcome = purge.purge(now=now)

    assert outcome["messages du vivier"] == 1
    assert not PoolContact.objects.filter(pk=old.pk).exists()
    assert PoolContact.objects.filter(pk=recent.pk).exists()
