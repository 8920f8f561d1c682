"""Digests list the offers that match the saved search, became visible since the previous digest and
are still open; each is sent once per alert, whatever fails or runs twice."""

import datetime

import pytest
from django.core import mail
from django.core.mail.backends.locmem import EmailBackend
from django.utils import timezone

from alerts import digests
from alerts.models import Delivery, OfferSighting
from jobs.models import JobOffer
from search.models import PendingIndexWrite
from tests.factories import InstitutionFactory

from .helpers import confirmed_alert, digests_to, html_of, later, open_offer

pytestmark = pytest.mark.django_db


def run(frequency="quotidienne", now=None):
    now = now or timezone.now()
    digests.plan(frequency, now=now)
    return digests.deliver_pending(now=now)


def titles(message):
    return [line for line in message.body.splitlines() if line.startswith("Offre ")]


@pytest.fixture
def employers():
    return InstitutionFactory(slug="dinum", name="DINUM"), InstitutionFactory(slug="anssi", name="ANSSI")


def test_a_digest_lists_the_new_matching_open_offers_once(employers):
    dinum, anssi = employers
    open_offer(title="Offre déjà là", institution=dinum)
    alert = confirmed_alert("camille@example.fr", "institution=dinum")
    open_offer(title="Offre nouvelle", institution=dinum)
    open_offer(title="Offre d'un autre employeur", institution=anssi)
    filled = open_offer(title="Offre pourvue avant l'envoi", institution=dinum)
    JobOffer.objects.filter(pk=filled.pk).update(filled_at=timezone.localdate())
    mail.outbox.clear()

    outcome = run(now=later(minutes=1))

    assert outcome.sent == 1
    [message] = digests_to("camille@example.fr")
    assert titles(message) == ["Offre nouvelle"]
    assert message.subject == "1 nouvelle offre : DINUM"
    assert "Offre nouvelle" in html_of(message)
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith("<http://testserver/alertes/desinscription/")

    # The same period again, then the next day with nothing new: no email.
    run(now=later(minutes=2))
    run(now=later(days=1))
    open_offer(title="Offre du surlendemain", institution=dinum)
    run(now=later(days=2))

    assert [titles(message) for message in digests_to("camille@example.fr")] == [
        ["Offre nouvelle"],
        ["Offre du surlendemain"],
    ]
    alert.refresh_from_db()
    assert alert.last_sent_at is not None


def test_became_visible_is_when_candidates_first_could_see_it(employers):
    dinum, _ = employers
    confirmed_alert("camille@example.fr", "institution=dinum")
    # Imported with a publication date in the past: new to candidates all the same.
    backdated = open_offer(title="Offre importée datée d'avant", institution=dinum)
    JobOffer.objects.filter(pk=backdated.pk).update(first_published_at=timezone.now() - datetime.timedelta(days=20))
    # Published with a go-live still to come: live, not visible yet.
    scheduled = open_offer(title="Offre programmée", institution=dinum)
    JobOffer.objects.filter(pk=scheduled.pk).update(go_live_at=later(hours=2))

    run(now=later(minutes=1))
    # The go-live comes (the clock of the engine is the real one: the go-live is moved instead).
    JobOffer.objects.filter(pk=scheduled.pk).update(go_live_at=timezone.now())
    run(now=later(days=1))

    assert [titles(message) for message in digests_to("camille@example.fr")] == [
        ["Offre importée datée d'avant"],
        ["Offre programmée"],
    ]


def test_an_offer_waiting_for_the_index_waits_for_the_next_digest(employers):
    dinum, _ = employers
    confirmed_alert("camille@example.fr", "institution=dinum")
    offer = open_offer(title="Offre pas encore indexée", institution=dinum)
    PendingIndexWrite.objects.update_or_create(offer_id=offer.pk, defaults={"token": 1, "marked_at": timezone.now()})

    run(now=later(hours=1))
    assert not OfferSighting.objects.filter(offer=offer).exists()
    PendingIndexWrite.objects.all().delete()
    run(now=later(days=1))

    assert [titles(message) for message in digests_to("camille@example.fr")] == [["Offre pas encore indexée"]]


def test_a_text_search_matches_as_on_the_search_page(employers):
    dinum, _ = employers
    confirmed_alert("camille@example.fr", "q=cybersécurité")
    open_offer(title="Offre analyste cybersécurité", institution=dinum)
    open_offer(title="Offre jardinier", institution=dinum)

    run(now=later(minutes=5))

    assert [titles(message) for message in digests_to("camille@example.fr")] == [["Offre analyste cybersécurité"]]


def three_alerts_and_their_offers(employers):
    dinum, anssi = employers
    for number in (1, 2, 3):
        confirmed_alert(f"personne{number}@example.fr", "institution=dinum" if number != 2 else "institution=anssi")
    open_offer(title="Offre A", institution=dinum)
    open_offer(title="Offre B", institution=anssi)
    mail.outbox.clear()
    return {
        "personne1@example.fr": [["Offre A"]],
        "personne2@example.fr": [["Offre B"]],
        "personne3@example.fr": [["Offre A"]],
    }


def sent_titles():
    return {
        email: [titles(message) for message in digests_to(email)]
        for email in ("personne1@example.fr", "personne2@example.fr", "personne3@example.fr")
    }


def failing_on_second_send(monkeypatch, error):
    send = EmailBackend.send_messages
    calls = {"count": 0}

    def flaky(self, messages):
        calls["count"] += 1
        if calls["count"] == 2:
            raise error
        return send(self, messages)

    monkeypatch.setattr(EmailBackend, "send_messages", flaky)


def test_a_mail_server_failure_half_way_is_retried_and_nothing_is_sent_twice(employers, monkeypatch):
    expected = three_alerts_and_their_offers(employers)
    failing_on_second_send(monkeypatch, ConnectionRefusedError("serveur SMTP indisponible"))

    outcome = run(now=later(minutes=1))
    assert (outcome.sent, outcome.failed) == (2, 1)
    failed = Delivery.objects.get(attempts=1)
    assert "serveur SMTP indisponible" in failed.last_error
    assert outcome.next_run_at == failed.next_attempt_at

    run(now=later(minutes=1, seconds=30))  # the rerun before the retry is due sends nothing more
    run(now=later(minutes=5))
    run(now=later(minutes=10))

    assert sent_titles() == expected


class WorkerKilled(BaseException):
    """What a killed worker looks like from the inside: nothing of the run goes on."""


def test_a_worker_killed_half_way_leaves_the_rest_to_the_next_run(employers, monkeypatch):
    expected = three_alerts_and_their_offers(employers)
    failing_on_second_send(monkeypatch, WorkerKilled())

    with pytest.raises(WorkerKilled):
        run(now=later(minutes=1))
    assert Delivery.objects.filter(sent_at__isnull=False).count() == 1

    run(now=later(minutes=2))
    run(now=later(minutes=3))

    assert sent_titles() == expected


def test_two_workers_on_one_period_send_each_digest_once(employers):
    expected = three_alerts_and_their_offers(employers)
    now = later(minutes=1)
    digests.plan("quotidienne", now=now)
    digests.plan("quotidienne", now=now + datetime.timedelta(seconds=1))  # a second cron, a second worker
    deliveries = list(Delivery.objects.values_list("pk", flat=True))

    assert len(deliveries) == 3
    first = [digests.deliver(pk, now) for pk in deliveries]
    second = [digests.deliver(pk, now) for pk in deliveries]

    assert first == [digests.SENT] * 3
    assert second == [digests.SKIPPED] * 3
    assert sent_titles() == expected


def test_the_send_rate_is_bounded(employers, settings):
    settings.ALERTS_EMAILS_PER_MINUTE = 2
    expected = three_alerts_and_their_offers(employers)
    now = later(minutes=1)

    outcome = run(now=now)
    assert outcome.sent == 2
    assert outcome.next_run_at == now + datetime.timedelta(minutes=1)
    assert digests.deliver_pending(now=now + datetime.timedelta(seconds=30)).sent == 0
    assert digests.deliver_pending(now=now + datetime.timedelta(seconds=61)).sent == 1

    assert sent_titles() == expected


def test_weekly_alerts_wait_for_the_weekly_run(employers):
    dinum, _ = employers
    confirmed_alert("camille@example.fr", "institution=dinum", frequency="hebdomadaire")
    open_offer(title="Offre de la semaine", institution=dinum)

    run("quotidienne", now=later(minutes=1))
    assert digests_to("camille@example.fr") == []
    run("hebdomadaire", now=later(minutes=2))

    assert [titles(message) for message in digests_to("camille@example.fr")] == [["Offre de la semaine"]]


def test_paused_and_unconfirmed_alerts_get_nothing(employers):
    from alerts.models import Alert, Subscriber

    dinum, _ = employers
    paused = confirmed_alert("pause@example.fr", "institution=dinum")
    paused.paused_at = timezone.now()
    paused.save()
    subscriber = Subscriber.objects.create(email="attente@example.fr")
    Alert.objects.create(subscriber=subscriber, search="institution=dinum", frequency="quotidienne")
    open_offer(title="Offre A", institution=dinum)
    mail.outbox.clear()

    run(now=later(minutes=1))

    assert mail.outbox == []


def test_a_search_that_lost_a_filter_sends_nothing_rather_than_everything(employers):
    dinum, _ = employers
    alert = confirmed_alert("camille@example.fr", "institution=dinum")
    alert.search = "institution=ministere-disparu"
    alert.save()
    open_offer(title="Offre A", institution=dinum)

    run(now=later(minutes=1))

    assert digests_to("camille@example.fr") == []
