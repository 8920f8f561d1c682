"""The offer form, through the real admin create and edit views: tabs, help texts, rules and their
French messages on the right field."""

import datetime
import re

import pytest
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from jobs.models import ContractType, JobOffer
from tests.factories import JobOfferFactory

from .admin_helpers import field_errors, form_data, new_offer_data, offer_url, page_text, soup, text_of

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate


def test_the_form_has_the_five_tabs_and_french_help_texts(admin_client):
    page = soup(admin_client.get(offer_url("add")))

    tabs = [re.sub(r"\s*\(\d*\)$", "", text_of(tab)) for tab in page.select('[role="tab"]')]
    assert tabs[:5] == ["Poste", "Conditions & lieu", "Description", "Candidature", "Publication"]
    help_of = {
        field["data-contentpath"]: text_of(field.select_one(".w-field__help"))
        for field in page.select("[data-contentpath]")
        if field.select_one(".w-field__help")
    }
    for name in ("title", "institution", "contract_types", "postal_code", "missions", "apply_url", "deadline"):
        assert help_of.get(name), f"pas d'aide pour {name}"
    assert "deux mois après la création" in help_of["deadline"]
    # Contract types are checkboxes; the ten métiers a plain list.
    assert len(page.select('input[type="checkbox"][name="contract_types"]')) == ContractType.objects.count()
    assert "Données" in [text_of(option) for option in page.select('select[name="profession"] option')]


def test_slug_source_and_external_id_are_read_only_and_explained(admin_client):
    offer = JobOfferFactory(title="Data engineer", source="choisirleservicepublic", external_id="CSP-1", published=True)

    response = admin_client.get(offer_url("edit", offer.pk))
    page = soup(response)

    assert not page.select('input[name="slug"], input[name="source"], input[name="external_id"]')
    text = text_of(page)
    assert "data-engineer" in text
    assert "figé dès la première publication" in text
    assert "choisirleservicepublic" in text and "CSP-1" in text
    new_offer_page = page_text(admin_client.get(offer_url("add")))
    assert "Créé à l'enregistrement" in new_offer_page and "Pas encore publiée" in new_offer_page
    assert "None" not in new_offer_page
    # Posting a slug by hand changes nothing.
    data = form_data(response)
    data["slug"] = "autre-chose"
    data["source"] = "pirate"
    admin_client.post(offer_url("edit", offer.pk), data)
    offer.refresh_from_db()
    assert (offer.slug, offer.source) == ("data-engineer", "choisirleservicepublic")


def test_a_valid_offer_is_created_as_a_draft_with_a_derived_slug(admin_client):
    response = admin_client.post(offer_url("add"), new_offer_data(admin_client))

    offer = JobOffer.objects.get()
    assert response.status_code == 302
    assert (offer.live, offer.slug) == (False, "developpeuse-ou-developpeur-django")
    assert {contract.code for contract in offer.contract_types.all()} == {"contractuel"}
    assert (offer.departement_code, offer.region_code) == ("69", "84")


def test_salary_minimum_above_maximum_is_refused_on_the_maximum(admin_client):
    data = new_offer_data(admin_client, salary_min="60000", salary_max="45000")

    response = admin_client.post(offer_url("add"), data)

    assert response.status_code == 200
    assert field_errors(response, "salary_max") == [
        "Le salaire maximum doit être supérieur ou égal au salaire minimum."
    ]
    assert field_errors(response, "salary_min") == []
    assert "L'offre n'a pas pu être créée : corrigez les erreurs signalées" in page_text(response)
    assert not JobOffer.objects.exists()


@pytest.mark.parametrize(("field", "value"), [("salary_min", "14999"), ("salary_max", "250001")])
def test_salaries_must_stay_within_the_civil_service_bounds(admin_client, field, value):
    response = admin_client.post(offer_url("add"), new_offer_data(admin_client, **{field: value}))

    assert field_errors(response, field) == ["Indiquez un salaire annuel brut entre 15\u202f000 et 250\u202f000 €."]
    assert not JobOffer.objects.exists()


def test_an_apply_url_or_an_apply_email_is_required_to_publish(admin_client):
    data = new_offer_data(admin_client, apply_url="", apply_email="")
    response = admin_client.post(offer_url("add"), {**data, "action-publish": "action-publish"})

    assert field_errors(response, "apply_url") == [
        "Pour publier, indiquez une adresse de candidature : un lien, une adresse électronique, ou les deux."
    ]
    assert not JobOffer.objects.exists()

    data = new_offer_data(admin_client, apply_url="", apply_email="recrutement@dnum.fr")
    admin_client.post(offer_url("add"), {**data, "action-publish": "action-publish"})
    offer = JobOffer.objects.get()
    assert (offer.apply_email, offer.live) == ("recrutement@dnum.fr", True)


def test_a_draft_saves_without_contract_types_nor_application_address(admin_client):
    data = new_offer_data(admin_client, apply_url="", apply_email="", contract_types=[])

    response = admin_client.post(offer_url("add"), data)

    assert response.status_code == 302
    offer = JobOffer.objects.get()
    assert (offer.live, offer.apply_url, offer.apply_email) == (False, "", "")
    assert not offer.contract_types.exists()


def test_publishing_the_incomplete_draft_is_refused_on_both_fields(admin_client):
    admin_client.post(offer_url("add"), new_offer_data(admin_client, apply_url="", apply_email="", contract_types=[]))
    offer = JobOffer.objects.get()
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))

    response = admin_client.post(offer_url("edit", offer.pk), {**data, "action-publish": "action-publish"})

    assert response.status_code == 200
    assert field_errors(response, "contract_types") == ["Pour publier, cochez au moins un type de contrat."]
    assert field_errors(response, "apply_url")[0].startswith("Pour publier, indiquez une adresse de candidature")
    offer.refresh_from_db()
    assert not offer.live


def test_an_emptied_rich_text_editor_does_not_publish_empty_missions(admin_client):
    data = new_offer_data(admin_client, missions=rich_text(""))

    response = admin_client.post(offer_url("add"), {**data, "action-publish": "action-publish"})

    assert response.status_code == 200 and field_errors(response, "missions")
    assert not JobOffer.objects.exists()
    assert admin_client.post(offer_url("add"), data).status_code == 302  # a draft may wait


def test_a_draft_still_needs_a_title_and_keeps_the_other_rules(admin_client):
    response = admin_client.post(offer_url("add"), new_offer_data(admin_client, title="", apply_url=""))
    assert field_errors(response, "title")

    response = admin_client.post(offer_url("add"), new_offer_data(admin_client, salary_min="60000", salary_max="45000"))
    assert field_errors(response, "salary_max")
    assert not JobOffer.objects.exists()


def test_the_deadline_must_follow_the_publication(admin_client):
    yesterday = TODAY() - datetime.timedelta(days=1)

    response = admin_client.post(offer_url("add"), new_offer_data(admin_client, deadline=yesterday.isoformat()))

    [message] = field_errors(response, "deadline")
    assert message == (
        f"La date limite de candidature ({yesterday:%d/%m/%Y}) doit suivre la date de publication ({TODAY():%d/%m/%Y})."
    )


def test_the_deadline_must_follow_a_scheduled_publication(admin_client):
    go_live = timezone.localtime() + datetime.timedelta(days=10)
    deadline = go_live.date() - datetime.timedelta(days=2)
    data = new_offer_data(admin_client, deadline=deadline.isoformat(), go_live_at=go_live.strftime("%Y-%m-%d %H:%M"))

    response = admin_client.post(offer_url("add"), data)

    assert field_errors(response, "deadline") == [
        f"La date limite de candidature ({deadline:%d/%m/%Y}) doit suivre la date de publication "
        f"({go_live.date():%d/%m/%Y})."
    ]


def test_an_unknown_postal_code_is_refused(admin_client):
    response = admin_client.post(offer_url("add"), new_offer_data(admin_client, postal_code="99999"))

    assert field_errors(response, "postal_code") == [
        "Le code postal « 99999 » ne correspond à aucun département français. "
        "Saisissez cinq chiffres, par exemple 75007 ou 97400."
    ]


def test_the_rules_apply_when_editing_a_published_offer(admin_client):
    offer = JobOfferFactory(title="Architecte", published=True)
    first_published = TODAY() - datetime.timedelta(days=20)
    JobOffer.objects.filter(pk=offer.pk).update(
        first_published_at=timezone.make_aware(datetime.datetime.combine(first_published, datetime.time(9)))
    )
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    data["deadline"] = (first_published - datetime.timedelta(days=1)).isoformat()
    data["salary_min"], data["salary_max"] = "50000", "40000"

    response = admin_client.post(offer_url("edit", offer.pk), data)

    assert response.status_code == 200
    assert field_errors(response, "deadline")[0].endswith(f"({first_published:%d/%m/%Y}).")
    assert field_errors(response, "salary_max") == [
        "Le salaire maximum doit être supérieur ou égal au salaire minimum."
    ]
    assert "L'offre n'a pas pu être enregistrée" in page_text(response)
    offer.refresh_from_db()
    assert offer.salary_min is None  # nothing half-saved


def test_editing_a_valid_offer_saves_a_draft_revision(admin_client):
    offer = JobOfferFactory(title="Architecte", published=True)
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    data["title"] = "Architecte logiciel"

    response = admin_client.post(offer_url("edit", offer.pk), data)

    assert response.status_code == 302
    offer.refresh_from_db()
    assert offer.title == "Architecte"  # the live version is unchanged until published
    assert offer.get_latest_revision_as_object().title == "Architecte logiciel"
