""" "Copier": the admin copy URL opens the creation form filled from the offer, as a new draft."""

import datetime

import pytest
from django.utils import timezone

from jobs.models import JobOffer
from tests.factories import JobOfferFactory

from .admin_helpers import form_data, offer_url, page_text, soup

pytestmark = pytest.mark.django_db


@pytest.fixture
def published_filled_imported_offer():
    offer = JobOfferFactory(
        title="Administratrice systèmes",
        contract_codes=("contractuel", "freelance"),
        skill_names=("Linux", "Ansible"),
        source="choisirleservicepublic",
        external_id="CSP-2026-1",
        filled_at=timezone.localdate(),
        published=True,
    )
    assert offer.first_published_at and offer.live
    return offer


def copy_and_save(client, offer):
    """Open the copy form, then submit it as the browser would (no publish button: a draft)."""
    form_page = client.get(offer_url("copy", offer.pk))
    assert form_page.status_code == 200
    response = client.post(offer_url("add"), form_data(form_page))
    assert response.status_code == 302, page_text(response)
    return JobOffer.objects.exclude(pk=offer.pk).get()


def test_the_copy_form_starts_from_the_offer_as_a_new_draft(admin_client, published_filled_imported_offer):
    offer = published_filled_imported_offer

    response = admin_client.get(offer_url("copy", offer.pk))
    page = soup(response)

    assert page.select_one('input[name="title"]')["value"] == "Copie de Administratrice systèmes"
    assert page.select_one('input[name="filled_at"]').get("value", "") == ""
    checked = {box.parent.get_text(strip=True) for box in page.select('input[name="contract_types"][checked]')}
    assert checked == {"Contractuel uniquement", "Freelance"}
    assert {tag.strip() for tag in page.select_one('input[name="skills"]')["value"].split(",")} == {"Linux", "Ansible"}
    assert "choisirleservicepublic" not in page_text(response)
    # The form creates a new offer: it posts to the creation view.
    assert page.select_one("form#w-editor-form")["action"] == offer_url("add")


def test_saving_the_copy_creates_a_draft_with_a_fresh_slug_and_no_publication_history(
    admin_client, published_filled_imported_offer
):
    offer = published_filled_imported_offer

    copy = copy_and_save(admin_client, offer)

    assert copy.title == "Copie de Administratrice systèmes"
    assert copy.slug == "copie-de-administratrice-systemes" != offer.slug
    assert (copy.live, copy.first_published_at, copy.last_published_at) == (False, None, None)
    assert copy.filled_at is None
    assert (copy.source, copy.external_id) == ("", "")
    assert {contract.code for contract in copy.contract_types.all()} == {"contractuel", "freelance"}
    assert set(copy.skills.names()) == {"Linux", "Ansible"}
    assert (copy.institution, copy.profession) == (offer.institution, offer.profession)
    assert "Développer des services publics numériques utiles." in copy.missions
    offer.refresh_from_db()
    assert (offer.live, offer.source, offer.title) == (True, "choisirleservicepublic", "Administratrice systèmes")


def test_the_copy_takes_the_latest_draft_and_a_deadline_still_to_come(admin_client):
    offer = JobOfferFactory(title="Designer", published=True)
    JobOffer.objects.filter(pk=offer.pk).update(  # published a month ago, closed ten days ago
        first_published_at=timezone.now() - datetime.timedelta(days=30),
        deadline=timezone.localdate() - datetime.timedelta(days=10),
    )
    draft = JobOffer.objects.get(pk=offer.pk)
    draft.title = "Designer UX (nouvelle version)"
    draft.save_revision()

    copy = copy_and_save(admin_client, offer)

    assert copy.title == "Copie de Designer UX (nouvelle version)"
    assert copy.deadline > timezone.localdate()


def test_copying_twice_gives_two_distinct_slugs(admin_client):
    offer = JobOfferFactory(title="Développeur")
    first = copy_and_save(admin_client, offer)
    form_page = admin_client.get(offer_url("copy", offer.pk))
    admin_client.post(offer_url("add"), form_data(form_page))

    slugs = set(JobOffer.objects.exclude(pk__in=[offer.pk]).values_list("slug", flat=True))
    assert slugs == {first.slug, "copie-de-developpeur-2"}
