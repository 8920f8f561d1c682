"""JobOffer.contract_mask, the contract types as one integer that search filters and counts on,
stays equal to the stored contract types whatever writes them."""

import importlib
from unittest import mock

import pytest
from django.apps import apps
from django.db import IntegrityError
from wagtail.models import Revision

from jobs.choices import contract_codes
from jobs.importer import import_offers
from jobs.models import ContractType, JobOffer
from tests.factories import JobOfferFactory

from .admin_helpers import form_data, offer_url

pytestmark = pytest.mark.django_db


def contract_ids(*codes):
    return [str(pk) for pk in ContractType.objects.filter(code__in=codes).values_list("pk", flat=True)]


def assert_mask_matches_contract_types(offer):
    stored = JobOffer.objects.get(pk=offer.pk)
    assert set(contract_codes(stored.contract_mask)) == set(stored.contract_types.values_list("code", flat=True))
    return set(contract_codes(stored.contract_mask))


def search_titles(client, **params):
    response = client.get("/offres/", params)
    assert response.status_code == 200
    return [hit.offer.title for hit in response.context["results"].hits]


def test_a_contract_change_published_from_the_admin_moves_the_offer_between_search_filters(admin_client, client):
    offer = JobOfferFactory(title="Architecte cloud", published=True, contract_codes=["contractuel"])
    assert search_titles(client, contrat="contractuel") == ["Architecte cloud"]

    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    data["contract_types"] = contract_ids("stage", "apprentissage")
    data["action-publish"] = "action-publish"
    response = admin_client.post(offer_url("edit", offer.pk), data)

    assert response.status_code == 302
    assert assert_mask_matches_contract_types(offer) == {"stage", "apprentissage"}
    assert search_titles(client, contrat="contractuel") == []
    assert search_titles(client, contrat="stage") == ["Architecte cloud"]
    facet = next(facet for facet in client.get("/offres/").context["results"].facets if facet.name == "contrat")
    assert {value.value: value.count for value in facet.values} == {"stage": 1, "apprentissage": 1}


def test_a_draft_edit_leaves_the_live_contract_types_searchable(admin_client, client):
    offer = JobOfferFactory(title="Architecte cloud", published=True, contract_codes=["contractuel"])
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    data["contract_types"] = contract_ids("stage")

    assert admin_client.post(offer_url("edit", offer.pk), data).status_code == 302

    assert assert_mask_matches_contract_types(offer) == {"contractuel"}
    assert search_titles(client, contrat="contractuel") == ["Architecte cloud"]


def test_publishing_an_older_revision_brings_back_its_contract_types(client):
    offer = JobOfferFactory(published=True, contract_codes=["contractuel"])
    first = offer.latest_revision
    offer.contract_types.set(ContractType.objects.filter(code="stage"))
    offer.save_revision().publish()
    assert assert_mask_matches_contract_types(offer) == {"stage"}

    Revision.objects.get(pk=first.pk).publish()

    assert assert_mask_matches_contract_types(offer) == {"contractuel"}


def test_a_save_of_other_fields_leaves_the_mask_alone():
    offer = JobOfferFactory(published=True, contract_codes=["stage", "freelance"])
    offer.contract_mask = 0  # whatever this copy holds, a save of other fields does not write it
    offer.title = "Nouveau titre"

    offer.save(update_fields=["title"])

    assert assert_mask_matches_contract_types(offer) == {"stage", "freelance"}


def test_changes_made_from_the_contract_type_side_update_the_mask():
    offer = JobOfferFactory(published=True, contract_codes=["contractuel"])
    other = JobOfferFactory(published=True, contract_codes=["contractuel", "stage"])
    volunteering = ContractType.objects.get(code="volontariat")

    volunteering.job_offers.add(offer, other)
    assert assert_mask_matches_contract_types(offer) == {"contractuel", "volontariat"}

    volunteering.job_offers.remove(offer)
    assert assert_mask_matches_contract_types(offer) == {"contractuel"}

    ContractType.objects.get(code="stage").job_offers.clear()
    assert assert_mask_matches_contract_types(other) == {"contractuel", "volontariat"}


def test_imported_offers_get_the_mask_of_their_contract_types_on_every_write_path(offer_row):
    rows = [
        dict(offer_row, external_id="batch", contract_types="stage|apprentissage"),
        dict(offer_row, external_id="alone", contract_types="freelance"),
        dict(offer_row, external_id="fails", contract_types="stage"),
    ]
    original = JobOffer.serializable_data

    def fail_for_one_offer(offer, *args, **kwargs):
        if offer.external_id == "fails":
            raise IntegrityError("panne simulée")
        return original(offer, *args, **kwargs)

    # The batch fails on one offer, so the others are written one by one; a second import then writes
    # the batch in bulk.
    with mock.patch.object(JobOffer, "serializable_data", fail_for_one_offer):
        assert import_offers(rows, "csp").created == 2
    assert import_offers([dict(offer_row, external_id=str(n), contract_types="volontariat") for n in range(3)], "csp")
    # An update of a live offer goes through a revision and its publication.
    assert import_offers([dict(rows[1], contract_types="contractuel|stage")], "csp").updated == 1

    masks = {offer.external_id: assert_mask_matches_contract_types(offer) for offer in JobOffer.objects.all()}
    assert masks == {
        "batch": {"stage", "apprentissage"},
        "alone": {"contractuel", "stage"},
        "0": {"volontariat"},
        "1": {"volontariat"},
        "2": {"volontariat"},
    }


def test_the_migration_fills_the_masks_of_existing_offers():
    offers = [
        JobOfferFactory(contract_codes=["titulaire_ou_contractuel", "volontariat"]),
        JobOfferFactory(contract_codes=["apprentissage"]),
    ]
    JobOffer.objects.update(contract_mask=0)
    migration = importlib.import_module("jobs.migrations.0005_joboffer_contract_mask")

    migration.fill_contract_masks(apps, schema_editor=None)

    assert [assert_mask_matches_contract_types(offer) for offer in offers] == [
        {"titulaire_ou_contractuel", "volontariat"},
        {"apprentissage"},
    ]
