"""The quality score in the offer admin: the editor's side panel, its live endpoint, the listing's
column and filter, and the list of internal acronyms."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils.form_data import rich_text

from jobs.models import InternalAcronym, JobOffer
from tests.factories import JobOfferFactory
from tests.jobs.permission_world import build_world, logged_in

from .admin_helpers import form_data, listing_rows, listing_titles, offer_url, soup, text_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build_world()


def panel_checks(html_soup):
    return {
        item["data-quality-check"]: item["data-quality-passed"] == "oui"
        for item in html_soup.select("[data-offer-quality] [data-quality-check]")
    }


def test_the_editor_shows_the_checks_of_the_saved_offer_with_their_fixes(world):
    client = logged_in(world.ministry_editor)

    response = client.get(offer_url("edit", world.own.pk))

    page = soup(response)
    checks = panel_checks(page)
    assert len(checks) == 10
    assert checks["competences"] is False and checks["candidature"] is True
    panel = page.select_one("[data-offer-quality]")
    assert "ajoutez-en jusqu'à 3 au moins" in text_of(panel)
    assert panel["data-offer-quality-url"] == offer_url("quality", world.own.pk)
    assert "js/offer-quality.js" in response.content.decode()


def test_the_live_endpoint_scores_the_posted_unsaved_form(world):
    client = logged_in(world.ministry_editor)
    data = form_data(client.get(offer_url("edit", world.own.pk)))
    data["skills"] = "Python, Django, PostgreSQL"
    data["title"] = "Développeur Python"

    response = client.post(offer_url("quality", world.own.pk), data)

    assert response.status_code == 200
    result = response.json()
    checks = {check["code"]: check for check in result["checks"]}
    assert checks["competences"]["passed"] is True
    assert checks["intitule_inclusif"]["passed"] is False
    assert "Développeuse ou développeur Python" in checks["intitule_inclusif"]["fix"]
    assert result["score"] == round(100 * sum(check["passed"] for check in checks.values()) / 10)
    assert 'data-quality-check="competences" data-quality-passed="oui"' in result["html"]
    # Nothing was saved.
    world.own.refresh_from_db()
    assert not world.own.latest_revision.as_object().title.startswith("Développeur Python")


def test_the_live_endpoint_scores_a_new_offer(world):
    client = logged_in(world.ministry_editor)
    data = form_data(client.get(offer_url("add")))
    data.update(title="Responsable réseau", missions=rich_text("<p>Administrer le réseau.</p>"))

    response = client.post(offer_url("quality_new"), data)

    assert response.status_code == 200
    checks = {check["code"]: check["passed"] for check in response.json()["checks"]}
    assert checks["intitule_inclusif"] is True and checks["candidature"] is False


def test_the_live_endpoint_refuses_another_institutions_offer_and_a_get(world):
    client = logged_in(world.ministry_editor)
    data = form_data(client.get(offer_url("edit", world.own.pk)))

    assert client.post(offer_url("quality", world.other.pk), data).status_code == 404
    assert client.get(offer_url("quality", world.own.pk)).status_code == 405
    assert logged_in(None).post(offer_url("quality", world.own.pk), data).status_code == 302


def test_saving_a_draft_stores_the_score_of_the_latest_version(world):
    offer = world.own
    before = offer.quality_score
    offer.skills.set(["Python", "Django", "PostgreSQL"])
    offer.save_revision()

    offer.refresh_from_db()
    assert offer.quality_score == before + 10


def test_the_listing_shows_the_score_and_filters_by_band(admin_client):
    good = JobOfferFactory(
        title="Responsable produit",
        skill_names=["Produit", "Agilité", "Design"],
        salary_min=50_000,
        remote="aucun",
        benefits="<ul>" + "".join(f"<li>Un avantage concret numéro {n} du poste</li>" for n in range(30)) + "</ul>",
        deadline=timezone.localdate() + datetime.timedelta(days=40),
    )
    weak = JobOfferFactory(title="Développeur", apply_url="", apply_email="")
    assert good.quality_score >= 80 and weak.quality_score < 50

    rows = {row["Intitulé"]: row["Qualité"] for row in listing_rows(admin_client.get(offer_url("list")))}
    assert rows["Responsable produit"] == f"{good.quality_score} – Excellente"
    assert rows["Développeur"] == f"{weak.quality_score} – À améliorer"

    assert listing_titles(admin_client.get(offer_url("list"), {"quality": "excellente"})) == ["Responsable produit"]
    assert listing_titles(admin_client.get(offer_url("list"), {"quality": "a_ameliorer"})) == ["Développeur"]
    both = admin_client.get(offer_url("list"), {"quality": ["a_ameliorer", "excellente"]})
    assert sorted(listing_titles(both)) == ["Développeur", "Responsable produit"]
    refused = admin_client.get(offer_url("list"), {"quality": "parfaite"})
    assert refused.status_code == 200


def test_internal_acronyms_are_edited_by_the_editorial_team_and_read_by_ministries(world):
    index = reverse("wagtailsnippets_jobs_internalacronym:list")
    add = reverse("wagtailsnippets_jobs_internalacronym:add")
    team, ministry = logged_in(world.comms_editor), logged_in(world.ministry_editor)

    response = team.post(add, {"acronym": "SGAMI", "meaning": "secrétariat général pour l'administration"})
    assert response.status_code == 302
    acronym = InternalAcronym.objects.get()

    assert "SGAMI" in ministry.get(index).content.decode()
    assert ministry.get(add).status_code == 302
    assert ministry.post(add, {"acronym": "DSI", "meaning": "direction"}).status_code == 302
    edit = reverse("wagtailsnippets_jobs_internalacronym:edit", args=[acronym.pk])
    assert ministry.post(edit, {"acronym": "SGAMI", "meaning": "autre chose"}).status_code == 302
    acronym.refresh_from_db()
    assert acronym.meaning == "secrétariat général pour l'administration"
    assert InternalAcronym.objects.count() == 1

    offer = JobOffer.objects.get(pk=world.own.pk)
    offer.title = "Responsable réseau au SGAMI"
    assert not next(check for check in offer.quality().checks if check.code == "sigles").passed
