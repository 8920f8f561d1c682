"""The candidates' space in a real browser: sign in from an offer with the emailed link, give a name,
apply with a letter and a CV (refused first: not a PDF, too large, a body too large to read), see the
application, the data page and the profile.
With JavaScript, axe-core checks every page on the way; without, the same journey must work."""

import re

import pytest
from playwright.sync_api import expect

from demo.cv_files import cv_pdf
from tests.factories import InstitutionFactory, JobOfferFactory

from .conftest import assert_accessible

LINK = re.compile(r"https?://[^/\s]+(/espace-candidat/connexion/lien/[^/\s]+/)")


@pytest.fixture(scope="session")
def receiving_offer(site_url, django_db_blocker):
    """An offer of an institution that receives applications here, committed once for the session (the
    production stack's processes only see committed rows)."""
    with django_db_blocker.unblock():
        institution = InstitutionFactory(
            slug="ministere-des-candidatures", name="Ministère des candidatures", receives_applications_on_metnum=True
        )
        return JobOfferFactory(
            published=True, institution=institution, title="Développeuse ou développeur Django (candidature en ligne)"
        )


@pytest.mark.parametrize("javascript", [True, False], ids=["avec-javascript", "sans-javascript"])
def test_a_candidate_applies_on_the_site(
    javascript,
    browser_page,
    site_url,
    sent_emails,
    receiving_offer,
    tmp_path,
    django_capture_on_commit_callbacks,
):
    address = f"candidature.{'js' if javascript else 'sans-js'}@example.fr"

    def check(title):
        expect(browser_page.locator("h1")).to_have_text(title)
        assert browser_page.locator("h1").count() == 1
        if javascript:
            assert_accessible(browser_page)

    browser_page.goto(site_url + receiving_offer.get_absolute_url())
    browser_page.get_by_role("link", name="Postuler sur Métiers du numérique").first.click()
    check("Connexion à l'espace candidat")

    browser_page.get_by_label("Votre adresse e-mail").fill("pas-une-adresse")
    browser_page.get_by_role("button", name="Recevoir un lien de connexion").click()
    assert browser_page.title().startswith("Erreur")
    expect(browser_page.get_by_role("link", name=re.compile("Votre adresse e-mail"))).to_be_visible()
    check("Connexion à l'espace candidat")

    browser_page.get_by_label("Votre adresse e-mail").fill(address)
    browser_page.get_by_role("button", name="Recevoir un lien de connexion").click()
    check("Vérifiez votre messagerie")

    [body] = [body for recipients, body in sent_emails() if recipients == [address]]
    [link] = LINK.findall(body)
    browser_page.goto(site_url + link)
    check("Se connecter à l'espace candidat")
    browser_page.get_by_role("button", name="Me connecter").click()
    check("Mon profil")

    browser_page.get_by_label("Prénom").fill("Camille")
    browser_page.locator("#id_last_name").fill("Martin")
    browser_page.get_by_role("button", name="Enregistrer mon profil").click()
    check(f"Postuler : {receiving_offer.title}")

    wrong = tmp_path / "cv.pdf"
    wrong.write_bytes(b"GIF89a, pas un PDF")
    browser_page.get_by_label("Lettre de motivation").fill("Je souhaite rejoindre votre équipe.")
    browser_page.get_by_label("Votre CV").set_input_files(str(wrong))
    browser_page.get_by_role("button", name="Envoyer ma candidature").click()
    assert browser_page.title().startswith("Erreur")
    expect(browser_page.get_by_text("Ce fichier n'est pas un PDF").first).to_be_visible()
    check(f"Postuler : {receiving_offer.title}")

    browser_page.get_by_label("Lettre de motivation").fill("Je souhaite rejoindre votre équipe.")
    browser_page.get_by_label("Votre CV").set_input_files(
        {"name": "enorme.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + b"0" * 7 * 1024 * 1024}
    )
    browser_page.get_by_role("button", name="Envoyer ma candidature").click()
    expect(browser_page.get_by_text("Ce fichier dépasse 5\u00a0Mo").first).to_be_visible()
    check(f"Postuler : {receiving_offer.title}")

    if javascript:  # a script lifts the letter's maxlength: a body far over what the site reads
        browser_page.get_by_label("Lettre de motivation").evaluate(
            "(letter) => { letter.removeAttribute('maxlength'); letter.value = 'x'.repeat(3 * 1024 * 1024); }"
        )
        browser_page.get_by_label("Votre CV").set_input_files(str(wrong))
        browser_page.get_by_role("button", name="Envoyer ma candidature").click()
        check("Envoi trop volumineux")
        assert browser_page.title().startswith("Erreur")
        browser_page.get_by_role("link", name="Revenir au formulaire").click()
        check(f"Postuler : {receiving_offer.title}")

    right = tmp_path / "mon-cv.pdf"
    right.write_bytes(cv_pdf(["Camille Martin", "Développeuse"]))
    browser_page.get_by_label("Lettre de motivation").fill("Je souhaite rejoindre votre équipe.")
    browser_page.get_by_label("Votre CV").set_input_files(str(right))
    with django_capture_on_commit_callbacks(execute=True):
        browser_page.get_by_role("button", name="Envoyer ma candidature").click()
        check("Mon espace candidat")
    expect(browser_page.get_by_text("Votre candidature a été envoyée")).to_be_visible()
    expect(browser_page.get_by_role("cell", name="À traiter")).to_be_visible()

    browser_page.get_by_role("link", name="Modifier mon profil").click()
    check("Mon profil")
    browser_page.goto(site_url + "/espace-candidat/")
    browser_page.get_by_role("button", name="Se déconnecter partout").click()
    check("Déconnexion effectuée")
    browser_page.goto(site_url + link)  # spent
    check("Ce lien ne fonctionne plus")

    browser_page.get_by_role("link", name="Recevoir un nouveau lien").click()
    browser_page.get_by_label("Votre adresse e-mail").fill(address)
    browser_page.get_by_role("button", name="Recevoir un lien de connexion").click()
    check("Vérifiez votre messagerie")
    second = LINK.findall([body for recipients, body in sent_emails() if recipients == [address]][-1])[0]
    browser_page.goto(site_url + second)
    browser_page.get_by_role("button", name="Me connecter").click()
    check("Mon espace candidat")
    browser_page.get_by_role("link", name="Télécharger ou supprimer mes données").click()
    check("Mes données")
    browser_page.get_by_role("link", name="Supprimer mon espace").click()
    check("Supprimer mon espace candidat")
    browser_page.get_by_role("button", name="Supprimer définitivement mon espace").click()
    check("Votre espace candidat a été supprimé")
