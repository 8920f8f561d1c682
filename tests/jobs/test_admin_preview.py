"""The admin preview of an offer renders the public offer template, for a new offer and an existing one."""

import pytest

from tests.factories import JobOfferFactory

from .admin_helpers import form_data, new_offer_data, offer_url, page_text

pytestmark = pytest.mark.django_db


def test_preview_of_a_new_offer_shows_the_unsaved_form_values(admin_client):
    data = new_offer_data(admin_client, title="Ingénieure data (aperçu)", city="Rennes", postal_code="35000")

    checked = admin_client.post(offer_url("preview_on_add"), data)
    response = admin_client.get(offer_url("preview_on_add"))

    assert checked.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    assert [template.name for template in response.templates][0] == "jobs/offer_detail.html"
    assert "Ingénieure data (aperçu)" in page_text(response)
    assert "Rennes" in page_text(response)


def test_preview_of_an_existing_offer_shows_the_edited_values_without_saving_them(admin_client):
    offer = JobOfferFactory(title="Chef de projet", published=True)
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    data["title"] = "Cheffe de projet numérique"

    checked = admin_client.post(offer_url("preview_on_edit", offer.pk), data)
    response = admin_client.get(offer_url("preview_on_edit", offer.pk))

    assert checked.json() == {"is_valid": True, "is_available": True}
    assert response.status_code == 200
    assert "Cheffe de projet numérique" in page_text(response)
    assert offer.institution.name in page_text(response)
    offer.refresh_from_db()
    assert offer.title == "Chef de projet"


def test_an_invalid_form_keeps_the_last_valid_preview(admin_client):
    offer = JobOfferFactory(title="Chef de projet", published=True)
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    admin_client.post(offer_url("preview_on_edit", offer.pk), data)
    data["postal_code"] = "99999"

    checked = admin_client.post(offer_url("preview_on_edit", offer.pk), data)

    assert checked.json() == {"is_valid": False, "is_available": True}
    assert "Chef de projet" in page_text(admin_client.get(offer_url("preview_on_edit", offer.pk)))
