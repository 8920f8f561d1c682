import datetime
import zoneinfo

import pytest
from django.utils import timezone

from jobs.choices import OfferStatus
from jobs.models import JobOffer
from tests.factories import JobOfferFactory

PARIS = zoneinfo.ZoneInfo("Europe/Paris")
pytestmark = pytest.mark.django_db


def open_titles(**kwargs):
    return set(JobOffer.objects.open(**kwargs).values_list("title", flat=True))


def test_an_offer_is_open_through_its_whole_deadline_day():
    today = timezone.localdate()
    JobOfferFactory(title="Hier", deadline=today - datetime.timedelta(days=1), published=True)
    JobOfferFactory(title="Aujourd'hui", deadline=today, published=True)
    JobOfferFactory(title="Demain", deadline=today + datetime.timedelta(days=1), published=True)

    assert open_titles() == {"Aujourd'hui", "Demain"}


def test_the_deadline_day_ends_at_paris_midnight_not_utc_midnight():
    deadline = datetime.date(2026, 7, 14)
    JobOfferFactory(title="Fête", deadline=deadline, published=True)
    last_minutes = datetime.datetime(2026, 7, 14, 23, 30, tzinfo=PARIS)
    # 00:30 in Paris the next day is 22:30 UTC on the deadline day: a UTC date would still say open.
    just_after = datetime.datetime(2026, 7, 15, 0, 30, tzinfo=PARIS)

    assert open_titles(now=last_minutes) == {"Fête"}
    assert open_titles(now=just_after) == set()


def test_drafts_filled_and_unpublished_offers_are_not_open():
    JobOfferFactory(title="Brouillon")
    JobOfferFactory(title="Pourvue", filled_at=timezone.localdate(), published=True)
    unpublished = JobOfferFactory(title="Retirée", published=True)
    unpublished.unpublish()
    JobOfferFactory(title="Ouverte", published=True)

    assert open_titles() == {"Ouverte"}


def test_an_offer_whose_go_live_is_in_the_future_is_not_open_yet():
    offer = JobOfferFactory(title="Bientôt", published=True)
    JobOffer.objects.filter(pk=offer.pk).update(go_live_at=timezone.now() + datetime.timedelta(hours=2))

    assert open_titles() == set()
    assert open_titles(now=timezone.now() + datetime.timedelta(hours=3)) == {"Bientôt"}


def test_status_follows_the_life_of_an_offer():
    offer = JobOfferFactory()
    assert offer.status == OfferStatus.DRAFT

    offer.save_revision().publish()
    assert JobOffer.objects.get(pk=offer.pk).status == OfferStatus.LIVE

    JobOffer.objects.filter(pk=offer.pk).update(deadline=timezone.localdate() - datetime.timedelta(days=1))
    assert JobOffer.objects.get(pk=offer.pk).status == OfferStatus.EXPIRED

    JobOffer.objects.filter(pk=offer.pk).update(filled_at=timezone.localdate())
    assert JobOffer.objects.get(pk=offer.pk).status == OfferStatus.FILLED


def test_scheduled_offer_status():
    offer = JobOfferFactory()
    offer.go_live_at = timezone.now() + datetime.timedelta(days=2)
    offer.save_revision(approved_go_live_at=offer.go_live_at)

    assert JobOffer.objects.with_status().get(pk=offer.pk).status == OfferStatus.SCHEDULED


def test_location_is_derived_from_the_postal_code():
    offer = JobOfferFactory(postal_code="20090", city="Ajaccio")
    assert (offer.departement_code, offer.region_code) == ("2A", "94")
    offer = JobOfferFactory(postal_code="97400", city="Saint-Denis")
    assert (offer.departement.name, offer.region.name) == ("La Réunion", "La Réunion")


def test_m2m_values_and_tags_survive_a_revision_round_trip():
    offer = JobOfferFactory(contract_codes=("contractuel", "freelance"), skill_names=("Python", "Django"))
    revision = offer.save_revision()

    # The live row changes afterwards; the revision must still hold the old values.
    offer.contract_types.set([])
    offer.skills.set(["Java"])
    offer.save()
    restored = revision.as_object()

    assert {contract.code for contract in restored.contract_types.all()} == {"contractuel", "freelance"}
    assert {tag.name for tag in restored.skills.all()} == {"Python", "Django"}


def test_slug_follows_the_title_until_first_publication_then_stays():
    offer = JobOfferFactory(title="Data engineer")
    assert offer.slug == "data-engineer"
    offer.title = "Data engineer confirmé"
    offer.save()
    assert offer.slug == "data-engineer-confirme"

    offer.save_revision().publish()
    offer.refresh_from_db()
    offer.title = "Ingénieur de données"
    offer.save()
    assert offer.slug == "data-engineer-confirme"


def test_slugs_are_unique():
    first = JobOfferFactory(title="Administrateur système")
    second = JobOfferFactory(title="Administrateur système")
    assert first.slug != second.slug
