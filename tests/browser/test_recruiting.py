"""The demo DINUM recruiter in the admin: the applications, a refusal with its reasons and its email, and
a message to a person of the talent pool; axe-core on each screen."""

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from candidates.models import Application
from demo import accounts

from .conftest import assert_accessible
from .sign_in import sign_in

PASSWORD = "mot-de-passe-recruteur-dinum"


@pytest.fixture(scope="session")
def recruiter(site_url, django_db_blocker):
    """The demo DINUM recruiter as `make run` sets it up (create_dev_users), with a known password."""
    with django_db_blocker.unblock():
        user, _ = get_user_model().objects.get_or_create(username=accounts.RECRUITER)
        user.set_password(PASSWORD)
        user.email = "recrutement@dinum.example.fr"
        accounts.setup_recruiter(user)
    return user.username


def test_the_recruiter_refuses_an_application_with_reasons(
    page, site_url, recruiter, sent_emails, django_capture_on_commit_callbacks
):
    application = Application.objects.filter(offer__institution__slug="dinum", status="a_traiter").first()
    assert application is not None, "la démo doit avoir une candidature à traiter à la DINUM"
    sign_in(page, site_url, recruiter, PASSWORD, then="/admin/candidatures/")
    expect(page.locator("main")).to_contain_text("Par offre")
    assert_accessible(page, "main")

    page.goto(f"{site_url}/admin/candidatures/{application.pk}/")
    expect(page.get_by_role("link", name="Télécharger le CV (PDF)")).to_be_visible()
    assert_accessible(page, "main")
    page.get_by_label("Non retenue").check()
    page.get_by_role("button", name="Enregistrer le statut").click()
    expect(page.locator("main")).to_contain_text("Choisissez au moins un motif")
    assert_accessible(page, "main")

    reason = page.locator("input[name=refusal_reasons]").first
    reason.check()
    # The email leaves once the transaction commits; the live server's requests run inside the test's
    # transaction, so its callbacks are run here (see test_alerts.py).
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Enregistrer le statut").click()
        expect(page.locator(".messages")).to_contain_text("informée de la décision")
    emails = [body for to, body in sent_emails() if to == [application.candidate.email]]
    assert len(emails) == 1 and "- " in emails[0]


def test_the_recruiter_searches_the_pool_and_writes_to_a_person(
    page, site_url, recruiter, sent_emails, django_capture_on_commit_callbacks
):
    sign_in(page, site_url, recruiter, PASSWORD, then="/admin/candidatures/vivier/")
    assert_accessible(page, "main")
    page.locator("table.listing tbody th a").first.click()
    expect(page.get_by_label("Votre message")).to_be_visible()  # the person's page, not the list
    assert_accessible(page, "main")
    assert "@" not in page.locator("main dl").inner_text()
    page.get_by_label("Votre message").fill("Bonjour, notre équipe recrute : seriez-vous disponible pour échanger ?")
    with django_capture_on_commit_callbacks(execute=True):
        page.get_by_role("button", name="Envoyer le message").click()
        expect(page.locator(".messages")).to_contain_text("Message envoyé par Métiers du numérique")
    (email,) = sent_emails()
    assert "notre équipe recrute" in email[1]
