"""The admin preview of an offer renders the public template, for unsaved offers and drafts alike."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text

from jobs.models import ContractType
from tests.factories import InstitutionFactory, JobOfferFactory, profession

from .helpers import days_from_today, json_ld_scripts, soup, text

pytestmark = pytest.mark.django_db


def offer_form_data(institution, **overrides):
    """What the admin form posts for an offer."""
    data = {
        "title": "Responsable de la sécurité des systèmes d'information",
        "reference": "RSSI-01",
        "institution": institution.pk,
        "team": "",
        "profession": profession("securite").pk,
        "skills": "ISO 27001, EBIOS",
        "contract_types": [ContractType.objects.get(code="titulaire_ou_contractuel").pk],
        "category": "aplus",
        "experience_level": "expert",
        "remote": "partiel",
        "city": "Toulouse",
        "postal_code": "31000",
        "salary_min": "60000",
        "salary_max": "",
        "missions": rich_text("<p>Piloter la sécurité.</p>"),
        "team_context": rich_text(""),
        "profile": rich_text("<p>Dix ans d'expérience.</p>"),
        "benefits": rich_text(""),
        "process": rich_text(""),
        "apply_url": "",
        "apply_email": "rssi@example.gouv.fr",
        "deadline": days_from_today(30).isoformat(),
        "start_date": "",
        "go_live_at": "",
        "expire_at": "",
        "filled_at": "",
    }
    data.update(overrides)
    return data


def preview(client, url, data):
    answer = client.post(url, data).json()
    assert answer["is_valid"], answer
    return client.get(url)


def test_preview_of_a_new_unsaved_offer(admin_client):
    institution = InstitutionFactory(name="Ministère des Armées")
    JobOfferFactory(title="Analyste cyber", profession=profession("securite"), published=True)

    response = preview(
        admin_client, reverse("wagtailsnippets_jobs_joboffer:preview_on_add"), offer_form_data(institution)
    )

    assert response.status_code == 200
    page = soup(response)
    assert text(page.h1) == "Responsable de la sécurité des systèmes d'information"
    assert len(page.find_all("h1")) == 1
    assert "Ministère des Armées" in text(page.select_one(".metnum-offer-employer"))
    assert page.select_one("#candidater .fr-btn")["href"].startswith("mailto:rssi@example.gouv.fr?subject=")
    assert [text(tag) for tag in page.select("#competences ~ ul .fr-tag")] == ["EBIOS", "ISO 27001"]
    assert "À partir de 60 000 € brut par an" in text(page)
    # Not published: no address to share, no structured data, not for search engines.
    assert page.select_one("[data-share]") is None
    assert json_ld_scripts(response) == []
    assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    assert [text(title) for title in page.select("#offres-similaires ~ ul .fr-card__title")] == ["Analyste cyber"]


def test_preview_of_an_incomplete_draft(admin_client):
    """Wagtail defers required fields in previews: a draft with a title and nothing else renders. The
    title is required even then (it names the draft in the listing, docs/admin.md)."""
    offer = JobOfferFactory(title="Brouillon")
    url = reverse("wagtailsnippets_jobs_joboffer:preview_on_edit", args=[offer.pk])
    empty = {
        "missions": rich_text(""),
        "profile": rich_text(""),
        "city": "",
        "postal_code": "",
        "skills": "",
        "contract_types": [],
    }

    response = preview(admin_client, url, offer_form_data(offer.institution, title="Brouillon", **empty))

    assert response.status_code == 200
    page = soup(response)
    assert text(page.h1) == "Brouillon"
    assert page.select("main section h2")[0]["id"] == "en-bref"
    assert admin_client.post(url, offer_form_data(offer.institution, title="", **empty)).json()["is_valid"] is False


def test_preview_of_a_draft_change_to_a_published_offer(admin_client):
    offer = JobOfferFactory(title="Publiée", published=True)
    url = reverse("wagtailsnippets_jobs_joboffer:preview_on_edit", args=[offer.pk])

    response = preview(admin_client, url, offer_form_data(offer.institution, title="Nouvel intitulé"))

    page = soup(response)
    assert text(page.h1) == "Nouvel intitulé"
    assert page.select_one("[data-share] input")["value"] == "http://testserver" + offer.get_absolute_url()
    assert json_ld_scripts(response) == []
    # The public page still shows the published version.
    assert text(soup(admin_client.get(offer.get_absolute_url())).h1) == "Publiée"
