"""The cross-field rules of an offer live in JobOffer.clean(): whoever validates an offer gets them."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from tests.factories import JobOfferFactory

pytestmark = pytest.mark.django_db


def rule_errors(offer):
    with pytest.raises(ValidationError) as caught:
        offer.full_clean(exclude=["slug", "departement_code", "region_code"])
    return caught.value.message_dict


def test_model_validation_applies_every_cross_field_rule():
    offer = JobOfferFactory.build(
        institution=JobOfferFactory().institution,
        salary_min=60_000,
        salary_max=45_000,
        apply_url="",
        apply_email="",
        postal_code="99999",
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )

    errors = rule_errors(offer)

    assert errors["salary_max"] == ["Le salaire maximum doit être supérieur ou égal au salaire minimum."]
    assert errors["apply_url"][0].startswith("Pour publier, indiquez une adresse de candidature")
    assert "ne correspond à aucun département" in errors["postal_code"][0]
    assert "doit suivre la date de publication" in errors["deadline"][0]


def test_the_publication_date_the_rules_read_is_the_stated_one_then_go_live_then_first_publication():
    offer = JobOfferFactory.build(deadline=datetime.date(2026, 3, 1))
    offer.first_published_at = timezone.make_aware(datetime.datetime(2026, 1, 10))
    assert offer.publication_date() == datetime.date(2026, 1, 10)
    offer.go_live_at = timezone.make_aware(datetime.datetime(2026, 2, 1, 9))
    assert offer.publication_date() == datetime.date(2026, 2, 1)
    offer.stated_publication_date = datetime.date(2026, 1, 2)
    assert offer.publication_date() == datetime.date(2026, 1, 2)


def test_a_malformed_postal_code_gets_one_message_not_two():
    offer = JobOfferFactory.build(institution=JobOfferFactory().institution, postal_code="75O07")
    errors = rule_errors(offer)
    assert len(errors["postal_code"]) == 1
    assert "Saisissez cinq chiffres" in errors["postal_code"][0]


def test_an_institution_receiving_applications_on_the_site_publishes_without_an_address():
    institution = JobOfferFactory().institution
    offer = JobOfferFactory.build(institution=institution, apply_url="", apply_email="")
    assert "apply_url" in rule_errors(offer)

    institution.receives_applications_on_metnum = True
    institution.save()
    offer.full_clean(exclude=["slug", "departement_code", "region_code"])  # no address needed
