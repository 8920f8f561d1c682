"""The public pages: subscribe from any search, double opt-in, one-click unsubscribe, the manage
page of an address, rate limits, escaping, purges."""

import datetime
import re
from unittest import mock

import pytest
from django.core import mail
from django.test import Client
from django.utils import timezone

from alerts import purge, tokens
from alerts.models import Alert, AlertActivity, Subscriber
from tests.factories import InstitutionFactory

from .helpers import confirmed_alert, digests_to, html_of, later, open_offer

pytestmark = pytest.mark.django_db
LINK = re.compile(r"http://testserver(/alertes/[a-z-]+/[^/\s\"<]+/)")


def links(message):
    return LINK.findall(message.body)


@pytest.fixture
def subscribe(django_capture_on_commit_callbacks):
    """Post the subscription form, running what waits for the commit (the confirmation email's task)."""

    def post(client, email="camille@example.fr", search="q=python&institution=dinum", frequency="quotidienne"):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post("/alertes/nouvelle/", {"email": email, "frequency": frequency, "recherche": search})

    return post


@pytest.fixture
def dinum():
    return InstitutionFactory(slug="dinum", name="DINUM")


def test_the_search_page_offers_an_alert_on_its_search(client, dinum):
    response = client.get("/offres/", {"q": "python", "institution": "dinum", "tri": "date", "page": "1"})

    assert 'href="/alertes/nouvelle/?q=python&amp;institution=dinum"' in response.content.decode()
    assert "Recevoir les nouvelles offres par e-mail" in response.content.decode()


def test_the_subscription_page_carries_the_search_and_works_without_javascript(client, dinum):
    response = client.get("/alertes/nouvelle/", {"q": "python", "institution": ["dinum", "inconnue"], "tri": "date"})
    page = response.content.decode()

    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert 'name="recherche" value="q=python&amp;institution=dinum"' in page
    assert '<label for="id_email" class="fr-label">' in page
    assert 'dsfr="dsfr"' not in page
    assert "python, DINUM" in page
    assert "no-store" in response["Cache-Control"]
    assert response["X-Robots-Tag"] == "noindex, nofollow"


def test_double_opt_in(client, dinum, subscribe):
    response = subscribe(client)

    assert response.status_code == 302 and response["Location"] == "/alertes/demande-envoyee/"
    alert = Alert.objects.get()
    assert (alert.subscriber.email, alert.search, alert.confirmed_at) == (
        "camille@example.fr",
        "q=python&institution=dinum",
        None,
    )
    [message] = mail.outbox
    assert message.subject == "Confirmez votre alerte : python, DINUM"
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert "Confirmer mon alerte" in html_of(message)
    # Nothing else is sent before the link is followed.
    open_offer(title="Offre python", institution=dinum)
    from alerts import digests

    digests.plan("quotidienne", now=later(minutes=1))
    digests.deliver_pending(now=later(minutes=1))
    assert len(mail.outbox) == 1

    confirm_path = next(path for path in links(message) if path.startswith("/alertes/confirmer/"))
    page = client.get(confirm_path)
    assert page.status_code == 200 and "Votre alerte est activée" in page.content.decode()
    alert.refresh_from_db()
    assert alert.confirmed_at is not None and alert.frequency == "quotidienne"
    assert client.get(confirm_path).status_code == 200  # a second visit changes nothing
    assert AlertActivity.objects.get(kind="confirmation").count == 1


def test_a_request_for_an_existing_alert_changes_nothing_before_confirmation(client, dinum, subscribe):
    alert = confirmed_alert("camille@example.fr", "institution=dinum", frequency="hebdomadaire")

    subscribe(client, search="institution=dinum", frequency="quotidienne")

    alert.refresh_from_db()
    assert alert.frequency == "hebdomadaire"
    client.get(links(mail.outbox[-1])[0])
    alert.refresh_from_db()
    assert alert.frequency == "quotidienne"


def test_bad_and_expired_links_say_so(client, dinum):
    alert = Alert.objects.create(subscriber=Subscriber.objects.create(email="a@example.fr"), search="")
    with mock.patch("django.core.signing.time.time", return_value=(later(days=-8)).timestamp()):
        old = tokens.make(tokens.CONFIRM, [alert.pk, "quotidienne"])

    for path in (
        f"/alertes/confirmer/{old}/",
        "/alertes/confirmer/abc/",
        "/alertes/gerer/abc/",
        "/alertes/desinscription/x/",
    ):
        response = client.get(path)
        assert response.status_code == 404, path
        assert "Ce lien n'est plus valable" in response.content.decode()
    # A token of one kind is not a token of another.
    unsubscribe = tokens.make(tokens.UNSUBSCRIBE, alert.pk)
    assert client.get(f"/alertes/gerer/{unsubscribe}/").status_code == 404


def test_invalid_input_gets_a_clear_message(client, subscribe):
    response = subscribe(client, email="pas-une-adresse")

    assert response.status_code == 400
    assert "Cette adresse e-mail n&#x27;est pas valide" in response.content.decode()
    assert response.content.decode().startswith("<!DOCTYPE html>") or "Erreur :" in response.content.decode()
    assert not Alert.objects.exists()


def test_one_click_unsubscribe_without_csrf_token_and_a_confirmation_page_on_get(dinum):
    alert = confirmed_alert("camille@example.fr", "institution=dinum")
    path = tokens.unsubscribe_url(alert).removeprefix("http://testserver")
    client = Client(enforce_csrf_checks=True)

    page = client.get(path)
    assert page.status_code == 200 and "Me désinscrire de cette alerte" in page.content.decode()
    assert Alert.objects.filter(pk=alert.pk).exists()

    response = client.post(path, "List-Unsubscribe=One-Click", content_type="application/x-www-form-urlencoded")

    assert response.status_code == 200
    assert not Alert.objects.exists() and not Subscriber.objects.exists()
    assert AlertActivity.objects.get(kind="desinscription").count == 1
    assert client.post(path).status_code == 200  # twice is fine
    assert "déjà supprimée" in client.get(path).content.decode()


def test_the_manage_page_changes_pauses_and_deletes_every_alert_of_an_address(client, dinum):
    first = confirmed_alert("camille@example.fr", "institution=dinum")
    second = confirmed_alert("camille@example.fr", "q=data")
    other = confirmed_alert("dominique@example.fr", "q=data")
    path = tokens.manage_url(first.subscriber).removeprefix("http://testserver")

    page = client.get(path).content.decode()
    assert "camille@example.fr" in page and "dominique@example.fr" not in page
    assert page.count("<h1") == 1

    client.post(path, {"action": "frequence", "alerte": first.pk, "frequency": "hebdomadaire"})
    client.post(path, {"action": "pause", "alerte": second.pk})
    client.post(path, {"action": "pause", "alerte": other.pk})  # another address's alert: refused
    first.refresh_from_db(), second.refresh_from_db(), other.refresh_from_db()
    assert (first.frequency, second.is_paused, other.is_paused) == ("hebdomadaire", True, False)
    client.post(path, {"action": "reprendre", "alerte": second.pk})
    second.refresh_from_db()
    assert not second.is_paused

    response = client.post(path, {"action": "tout-supprimer"})

    assert "Vos alertes sont supprimées" in response.content.decode()
    assert list(Alert.objects.all()) == [other]
    assert not Subscriber.objects.filter(email="camille@example.fr").exists()


def test_requests_are_rate_limited_per_address_and_per_client(client, settings, dinum, subscribe):
    settings.ALERTS_REQUESTS_PER_ADDRESS = 2
    settings.ALERTS_REQUESTS_PER_CLIENT = 4
    assert subscribe(client, search="q=a").status_code == 302
    assert subscribe(client, search="q=b").status_code == 302
    refused = subscribe(client, search="q=c")
    assert refused.status_code == 429
    assert "Trop de demandes d&#x27;alerte ont été faites pour cette adresse e-mail" in refused.content.decode()

    assert subscribe(client, email="autre@example.fr").status_code == 302
    refused = subscribe(client, email="encore@example.fr")
    assert refused.status_code == 429
    assert "depuis votre connexion" in refused.content.decode()
    assert subscribe(Client(REMOTE_ADDR="10.0.0.2"), email="encore@example.fr").status_code == 302
    assert len(mail.outbox) == 4


def test_values_from_the_request_are_escaped_in_pages_and_emails(client, dinum, subscribe):
    text = '<script>alert("x")</script>'
    page = client.get("/alertes/nouvelle/", {"q": text}).content.decode()
    assert "<script>alert" not in page and "&lt;script&gt;" in page

    subscribe(client, search=f"q={text}")
    [message] = mail.outbox
    assert "<script>alert" not in html_of(message)
    assert text in message.body  # the plain-text part is text


def test_purges_delete_unconfirmed_requests_after_7_days_and_inactive_alerts_after_2_years():
    subscriber = Subscriber.objects.create(email="attente@example.fr")
    stale = Alert.objects.create(subscriber=subscriber, search="q=a")
    fresh = Alert.objects.create(subscriber=Subscriber.objects.create(email="b@example.fr"), search="q=b")
    Alert.objects.filter(pk=stale.pk).update(created_at=timezone.now() - datetime.timedelta(days=8))
    idle = confirmed_alert("c@example.fr", "q=c")
    Alert.objects.filter(pk=idle.pk).update(active_at=timezone.now() - datetime.timedelta(days=731))
    used = confirmed_alert("d@example.fr", "q=d")

    assert purge.purge() == (1, 1)

    assert set(Alert.objects.all()) == {fresh, used}
    assert set(Subscriber.objects.values_list("email", flat=True)) == {"b@example.fr", "d@example.fr"}


def test_the_digest_links_lead_to_working_pages(client, dinum):
    confirmed_alert("camille@example.fr", "institution=dinum")
    offer = open_offer(title="Offre A", institution=dinum)
    from alerts import digests

    digests.plan("quotidienne", now=later(minutes=1))
    digests.deliver_pending(now=later(minutes=1))
    [message] = digests_to("camille@example.fr")

    assert f"http://testserver{offer.get_absolute_url()}" in message.body
    for path in links(message):
        assert client.get(path).status_code == 200, path


def test_the_personal_data_page_says_what_alerts_keep_and_for_how_long(client):
    from tests.editorial.pages import home_page

    home_page()
    page = client.get("/donnees-personnelles/").content.decode()

    assert "Alertes par e-mail" in page
    for fact in ("votre adresse\n      e-mail, la recherche", "effacée au bout de 7 jours", "depuis deux ans"):
        assert " ".join(fact.split()) in " ".join(page.split())
