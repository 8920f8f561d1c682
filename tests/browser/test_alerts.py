"""The email alerts in a real browser, without JavaScript: from a search to the subscription, the
confirmation link, the manage page and the unsubscription, axe-core on every page."""

import re

from django.core import mail
from playwright.sync_api import expect

from .conftest import assert_accessible

LINK = re.compile(r"http://[^/\s]+(/alertes/[a-z-]+/[^/\s]+/)")


def test_a_candidate_follows_a_search_by_email_without_javascript(page_without_js, site_url):
    page = page_without_js
    mail.outbox = []
    page.goto(site_url + "/offres/?q=data&region=11")
    page.get_by_role("link", name="Recevoir les nouvelles offres par e-mail").click()
    expect(page.locator("h1")).to_have_text("Recevoir les nouvelles offres par e-mail")
    assert_accessible(page)

    page.get_by_label("Votre adresse e-mail").fill("pas-une-adresse")
    page.get_by_role("button", name="Recevoir les nouvelles offres").click()
    expect(page.locator("#id_email")).to_have_attribute("aria-invalid", "true")
    assert page.title().startswith("Erreur")
    assert_accessible(page)

    page.get_by_label("Votre adresse e-mail").fill("navigateur.alerte@example.fr")
    page.get_by_label("Chaque jour").check()
    page.get_by_role("button", name="Recevoir les nouvelles offres").click()
    expect(page.locator("h1")).to_have_text("Vérifiez votre messagerie")
    assert_accessible(page)

    [message] = [message for message in mail.outbox if message.to == ["navigateur.alerte@example.fr"]]
    confirm, unsubscribe, manage = (
        next(path for path in LINK.findall(message.body) if path.startswith(f"/alertes/{kind}/"))
        for kind in ("confirmer", "desinscription", "gerer")
    )
    page.goto(site_url + confirm)
    expect(page.locator("h1")).to_have_text("Votre alerte est activée")
    assert_accessible(page)

    page.goto(site_url + manage)
    expect(page.locator("h1")).to_have_text("Mes alertes")
    assert_accessible(page)

    page.goto(site_url + unsubscribe)
    expect(page.locator("h1")).to_have_text("Se désinscrire d'une alerte")
    assert_accessible(page)
    page.get_by_role("button", name="Me désinscrire de cette alerte").click()
    expect(page.locator("h1")).to_have_text("Désinscription confirmée")
    assert_accessible(page)
