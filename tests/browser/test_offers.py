"""The public offer pages in a real browser: axe-core, keyboard, without JavaScript, the admin preview."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.utils import timezone
from playwright.sync_api import expect

from tests.factories import InstitutionFactory, JobOfferFactory

from .conftest import assert_accessible
from .sign_in import sign_in

APPLY_URL = "https://candidature.example.gouv.fr/offre/42"
EDITOR = {"username": "redactrice-offres", "password": "mot-de-passe-de-test-offres"}


@pytest.fixture(scope="session")
def offer_paths(site_url, django_db_blocker):
    """Offers the browser tests need, committed once for the session (the demo may have none yet)."""
    today = timezone.localdate()
    with django_db_blocker.unblock():
        institution = InstitutionFactory(name="Direction interministérielle du numérique (test navigateur)")
        open_offer = JobOfferFactory(
            title="Développeuse ou développeur Django (test navigateur)",
            institution=institution,
            apply_url=APPLY_URL,
            apply_email="",
            salary_min=45000,
            salary_max=55000,
            skill_names=("Python", "Wagtail"),
            team_context="<p>Une équipe de huit personnes.</p>",
            published=True,
        )
        by_email = JobOfferFactory(
            title="Chargée ou chargé de mission données (test navigateur)",
            institution=institution,
            reference="DATA-9",
            apply_url="",
            apply_email="recrutement@example.gouv.fr",
            remote="total",
            published=True,
        )
        expired = JobOfferFactory(
            title="Administratrice ou administrateur systèmes (test navigateur)",
            institution=institution,
            deadline=today - datetime.timedelta(days=1),
            published=True,
        )
        filled = JobOfferFactory(title="Designer (test navigateur)", institution=institution, published=True)
        filled.filled_at = today
        filled.save_revision().publish()
        draft = JobOfferFactory(title="Brouillon à prévisualiser (test navigateur)", institution=institution)
        get_user_model().objects.create_superuser(email="redactrice@example.gouv.fr", **EDITOR)
        return {
            "open": open_offer.get_absolute_url(),
            "email": by_email.get_absolute_url(),
            "expired": expired.get_absolute_url(),
            "filled": filled.get_absolute_url(),
            "draft_pk": draft.pk,
        }


@pytest.mark.parametrize("kind", ["home", "list", "open", "email", "expired", "filled"])
def test_offer_pages_pass_axe_with_one_h1(page, site_url, offer_paths, kind):
    path = {"home": "/", "list": "/offres/"}.get(kind) or offer_paths[kind]

    response = page.goto(site_url + path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_closed_offer_says_so_and_offers_no_way_to_apply(page, site_url, offer_paths):
    page.goto(site_url + offer_paths["expired"])

    assert page.get_by_text("Cette offre n'est plus ouverte aux candidatures").is_visible()
    assert page.get_by_role("link", name="Candidater").count() == 0


def tab_to(page, accessible_name, presses=60):
    """Press Tab until the focused element's text starts with `accessible_name`; return its href."""
    for _ in range(presses):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => ({text: document.activeElement.innerText.trim(), href: document.activeElement.getAttribute('href')})"
        )
        if focused["text"].startswith(accessible_name):
            return focused["href"]
    raise AssertionError(f"« {accessible_name} » n'est pas atteignable au clavier")


# The apply links go through the impact app's counting redirect: tests/browser/test_impact.py.


def test_offer_pages_work_without_javascript(page_without_js, site_url, offer_paths):
    page = page_without_js
    page.goto(site_url + "/offres/")
    page.get_by_role("link", name="Développeuse ou développeur Django (test navigateur)").click()

    expect(page).to_have_url(site_url + offer_paths["open"])
    page.wait_for_load_state()
    apply_links = page.get_by_role("link", name="Candidater — nouvelle fenêtre")
    assert apply_links.count() == 2 and apply_links.first.is_visible()  # at the top and after the description
    # No copy button without JavaScript: the address is there to select instead.
    assert not page.get_by_role("button", name="Copier le lien de l'offre").is_visible()
    assert page.get_by_label("Adresse de cette offre").input_value() == site_url + offer_paths["open"]
    assert page.get_by_role("link", name="Partager sur LinkedIn — nouvelle fenêtre").is_visible()
    assert page.locator("h1").count() == 1


def test_copy_link_button_copies_the_offer_address(page, site_url, offer_paths):
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=site_url)
    page.goto(site_url + offer_paths["open"])

    page.get_by_role("button", name="Copier le lien de l'offre").click()

    expect(page.get_by_role("status")).to_have_text("Lien copié dans le presse-papiers.")
    assert page.evaluate("navigator.clipboard.readText()") == site_url + offer_paths["open"]


def test_admin_preview_is_accessible(page, site_url, offer_paths):
    sign_in(page, site_url, EDITOR["username"], EDITOR["password"])
    pk = offer_paths["draft_pk"]
    page.goto(f"{site_url}/admin/snippets/jobs/joboffer/edit/{pk}/")
    preview_url = f"{site_url}/admin/snippets/jobs/joboffer/preview/{pk}/"

    # What the preview panel does: post the edit form as it stands, then show the preview.
    answer = page.evaluate(
        """async (url) => {
            const form = document.querySelector("form[data-edit-form]");
            const response = await fetch(url, {method: "POST", body: new FormData(form)});
            return response.json();
        }""",
        preview_url,
    )
    assert answer["is_valid"], answer
    page.goto(preview_url)

    assert page.locator("h1").inner_text() == "Brouillon à prévisualiser (test navigateur)"
    assert page.locator("h1").count() == 1
    assert_accessible(page)
