"""The second factor in a real browser, under the admin's Content-Security-Policy: a superuser sets
up an authenticator app from the QR code page, keeps the recovery codes, reaches the admin, and is
asked for a code at the next sign-in."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from .conftest import assert_accessible
from .sign_in import KEYS, sign_in

USER = {"username": "cheffe-de-service", "password": "une phrase de passe pour la cheffe"}


@pytest.fixture(scope="session")
def superuser(site_url, django_db_blocker):
    """Committed before the tests' transactions, so that the production stack (another connection) sees it."""
    with django_db_blocker.unblock():
        get_user_model().objects.filter(username=USER["username"]).delete()
        get_user_model().objects.create_superuser(email="cheffe@example.gouv.fr", **USER)


def test_a_superuser_sets_up_and_then_uses_the_second_factor(browser, page, site_url, superuser, settings):
    settings.TWO_FACTOR_REQUIRED = True  # the live server shares these settings; production has it on
    page.goto(site_url + "/admin/login/")
    page.locator("#id_username").fill(USER["username"])
    page.locator("#id_password").fill(USER["password"])
    page.keyboard.press("Enter")

    page.wait_for_url("**/admin/double-facteur/activer/**")
    expect(page.locator("main#main h1")).to_have_text("Activer la double authentification")
    expect(page.get_by_role("img", name="Code QR à scanner")).to_be_visible()
    assert_accessible(page)

    page.get_by_role("button", name="Se déconnecter").click()
    page.wait_for_url("**/admin/login/**")
    sign_in(page, site_url, USER["username"], USER["password"])  # sets the factor up, keeps the codes
    assert USER["username"] in KEYS

    context = browser.new_context(ignore_https_errors=True, locale="fr-FR")
    other = context.new_page()
    other.goto(site_url + "/admin/pages/")
    other.locator("#id_username").fill(USER["username"])
    other.locator("#id_password").fill(USER["password"])
    other.keyboard.press("Enter")
    other.wait_for_url("**/admin/double-facteur/?next=**")
    expect(other.locator("main#main h1")).to_have_text("Confirmer la connexion")
    context.close()
