"""The « Candidater » button through its counting redirect (/offres/<slug>/candidater/, impact app),
in a real browser: by keyboard to the form in a new window, to an e-mail, and a closed offer's page
checked by axe-core."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import InstitutionFactory, JobOfferFactory

from .conftest import assert_accessible
from .test_offers import tab_to

APPLY_URL = "https://candidature.example.gouv.fr/offre/impact-7"


@pytest.fixture(scope="session")
def apply_paths(site_url, django_db_blocker):
    with django_db_blocker.unblock():
        institution = InstitutionFactory(name="Direction du numérique (test de la mesure d'impact)")
        by_form = JobOfferFactory(
            title="Architecte logiciel (test de la mesure d'impact)",
            institution=institution,
            apply_url=APPLY_URL,
            published=True,
        )
        by_email = JobOfferFactory(
            title="Chargée ou chargé de mission (test de la mesure d'impact)",
            institution=institution,
            reference="IMP-3",
            apply_url="",
            apply_email="recrutement.impact@example.gouv.fr",
            published=True,
        )
        closed = JobOfferFactory(
            title="Analyste (test de la mesure d'impact)",
            institution=institution,
            deadline=timezone.localdate() - datetime.timedelta(days=1),
            published=True,
        )
        return {
            offer_type: offer.get_absolute_url()
            for offer_type, offer in (("form", by_form), ("email", by_email), ("closed", closed))
        }


def test_keyboard_user_reaches_and_activates_the_apply_link(page, site_url, apply_paths):
    page.goto(site_url + apply_paths["form"])

    href = tab_to(page, "Candidater")
    with page.context.expect_page() as new_window:
        page.keyboard.press("Enter")

    assert href == apply_paths["form"] + "candidater/"
    # Playwright routes only the first request of a redirect: the form's host (offline here) is read
    # from the redirect itself.
    new_window.value.close()
    forwarded = page.request.get(site_url + href, max_redirects=0)
    assert (forwarded.status, forwarded.headers["location"]) == (302, APPLY_URL)
    assert page.url == site_url + apply_paths["form"]


def test_keyboard_user_reaches_the_apply_by_email_link(page, site_url, apply_paths):
    page.goto(site_url + apply_paths["email"])

    href = tab_to(page, "Candidater par courriel")
    forwarded = page.request.get(site_url + href, max_redirects=0)

    assert forwarded.status == 302
    mailto = urlsplit(forwarded.headers["location"])
    assert (mailto.scheme, mailto.path) == ("mailto", "recrutement.impact@example.gouv.fr")
    assert parse_qs(mailto.query)["subject"] == [
        "Candidature – Chargée ou chargé de mission (test de la mesure d'impact) – IMP-3"
    ]


@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_a_closed_offer_says_so_and_leads_back(javascript, browser_page, site_url, apply_paths):

    browser_page.goto(site_url + apply_paths["closed"] + "candidater/")

    expect(browser_page.locator("h1")).to_have_text("Candidatures closes")
    if javascript:
        assert_accessible(browser_page)
    browser_page.get_by_role("link", name="Voir la page de l'offre").click()
    expect(browser_page).to_have_url(site_url + apply_paths["closed"])
