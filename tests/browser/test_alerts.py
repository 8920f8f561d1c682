"""The email alerts in a real browser: from a search to the subscription, the confirmation link, the
manage page and the unsubscription. With JavaScript, axe-core checks every page on the way; without,
the same journey must work."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible

LINK = re.compile(r"https?://[^/\s]+(/alertes/[a-z-]+/[^/\s]+/)")


@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_a_candidate_follows_a_search_by_email(
    javascript, browser_page, site_url, sent_emails, django_capture_on_commit_callbacks
):
    address = f"navigateur.{'js' if javascript else 'sans-js'}@example.fr"

    def check():
        if javascript:  # axe-core runs in the page
            assert_accessible(browser_page)

    browser_page.goto(site_url + "/offres/?q=data&region=11")
    browser_page.get_by_role("link", name="Recevoir les nouvelles offres par e-mail").click()
    expect(browser_page.locator("h1")).to_have_text("Recevoir les nouvelles offres par e-mail")
    check()

    browser_page.get_by_label("Votre adresse e-mail").fill("pas-une-adresse")
    browser_page.get_by_role("button", name="Recevoir les nouvelles offres").click()
    expect(browser_page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert browser_page.title().startswith("Erreur")
    check()

    browser_page.get_by_label("Votre adresse e-mail").fill(address)
    browser_page.get_by_label("Chaque jour").check(force=True)  # DSFR draws its own radio over the input
    # The confirmation is sent once the request's transaction commits. The live server thread's
    # requests run inside the test's transaction, which never does: its callbacks are run here. (The
    # production stack commits for real and sends through its file backend.)
    with django_capture_on_commit_callbacks(execute=True):
        browser_page.get_by_role("button", name="Recevoir les nouvelles offres").click()
        expect(browser_page.locator("h1")).to_have_text("Vérifiez votre messagerie")
    check()

    [body] = [body for recipients, body in sent_emails() if recipients == [address]]
    confirm, unsubscribe, manage = (
        next(path for path in LINK.findall(body) if path.startswith(f"/alertes/{kind}/"))
        for kind in ("confirmer", "desinscription", "gerer")
    )
    browser_page.goto(site_url + confirm)
    expect(browser_page.locator("h1")).to_have_text("Votre alerte est activée")
    check()

    browser_page.goto(site_url + manage)
    expect(browser_page.locator("h1")).to_have_text("Mes alertes")
    check()

    browser_page.goto(site_url + unsubscribe)
    expect(browser_page.locator("h1")).to_have_text("Se désinscrire d'une alerte")
    check()
    browser_page.get_by_role("button", name="Me désinscrire de cette alerte").click()
    expect(browser_page.locator("h1")).to_have_text("Désinscription confirmée")
    check()
