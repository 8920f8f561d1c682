"""The monthly impact note: its numbers from crafted counts, its month checked, its charts escaped."""

import datetime

import pytest
from django.utils import timezone

from alerts.models import Alert, Subscriber
from impact import figures
from impact.models import OfferDailyCount, SearchDailyCount
from impact.periods import last_full_month
from jobs.models import JobOffer
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db


def moment(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(10)))


def closed_offer(institution, published_on, closed_on, filled=False):
    offer = JobOfferFactory(institution=institution, published=True)
    JobOffer.objects.filter(pk=offer.pk).update(
        first_published_at=moment(published_on),
        deadline=closed_on + datetime.timedelta(days=15) if filled else closed_on,
        filled_at=closed_on if filled else None,
    )
    return offer


@pytest.fixture
def crafted_month(django_user_model):
    month = last_full_month()
    previous = last_full_month(month)
    institution = InstitutionFactory(name="Ministère des <script>Essais</script>")
    first = closed_offer(institution, month, month + datetime.timedelta(days=10), filled=True)
    closed_offer(institution, month, month + datetime.timedelta(days=20))
    closed_offer(institution, month - datetime.timedelta(days=5), month + datetime.timedelta(days=25))
    for day, views, clicks in ((month, 90, 9), (month + datetime.timedelta(days=3), 60, 6), (previous, 100, 20)):
        OfferDailyCount.objects.create(day=day, offer=first, institution=institution, views=views, apply_clicks=clicks)
    SearchDailyCount.objects.create(day=month, text="data", searches=12)
    SearchDailyCount.objects.create(day=month, text="développeur", searches=20)
    SearchDailyCount.objects.create(day=month, text="cobol", searches=4, zero_result_searches=4)
    subscriber = Subscriber.objects.create(email="personne@example.fr")
    Alert.objects.create(subscriber=subscriber, search="q=data", confirmed_at=timezone.now())
    Alert.objects.create(subscriber=subscriber, search="q=ux", confirmed_at=timezone.now())
    return month


def test_median_days_online_of_the_offers_closed_in_the_month(crafted_month):
    end = (crafted_month + datetime.timedelta(days=32)).replace(day=1) - datetime.timedelta(days=1)

    assert figures.median_days_online(crafted_month, end, None) == 20  # 10, 20 and 30 days


def test_the_note_shows_the_month_figures_and_their_change(client, django_user_model, crafted_month):
    client.force_login(django_user_model.objects.create_superuser("equipe", "equipe@example.gouv.fr", "x"))

    response = client.get(f"/admin/impact/note-mensuelle/?mois={crafted_month:%m/%Y}")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Note d'impact" in page and '<html lang="fr">' in page
    assert "<td>150</td><td>+50 %</td>" in page  # views: 150 against 100
    assert "<td>15</td><td>−25 %</td>" in page  # clicks: 15 against 20
    assert "<td>20 jours</td>" in page
    assert page.index("« développeur » (20)") < page.index("« data » (12)")
    assert "« cobol » (4)" in page.split("Recherches sans résultat", 1)[1]
    assert "Personnes abonnées à une alerte (aujourd'hui)</th><td>1</td>" in page
    assert "<script>" not in page and "&lt;script&gt;Essais" in page
    assert page.count("<svg") == 3 and page.count("<desc") == 3


@pytest.mark.parametrize("value", ["13/2026", "2026-11", "01/2099", "%00", "x" * 50])
def test_a_wrong_month_gets_a_french_message_and_the_last_full_month(client, django_user_model, value):
    client.force_login(django_user_model.objects.create_superuser("equipe", "equipe@example.gouv.fr", "x"))

    response = client.get("/admin/impact/note-mensuelle/", {"mois": value})

    assert response.status_code == 200
    page = response.content.decode()
    assert "Le mois demandé n'est pas valide" in page
    assert "Saisissez le mois au format mm/aaaa" in page or "Choisissez un mois passé" in page or "au plus" in page
