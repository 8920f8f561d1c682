"""The reports count the applications sent on the site (candidates app) per offer and per institution,
and set the click rate of the offers against their quality band (jobs.quality)."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from candidates.models import Application, Candidate
from impact import figures
from impact.models import OfferDailyCount
from jobs.models import JobOffer
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path


def application(offer, email, days_ago=0):
    sent = Application.objects.create(
        candidate=Candidate.objects.create(email=email, first_name="Camille", last_name="Martin"),
        offer=offer,
        cover_letter="Lettre.",
        cv=ContentFile(b"%PDF-1.4", name="cv.pdf"),
        cv_name="cv.pdf",
    )
    Application.objects.filter(pk=sent.pk).update(submitted_at=timezone.now() - datetime.timedelta(days=days_ago))
    return sent


@pytest.fixture
def world():
    today = timezone.localdate()
    own, other = InstitutionFactory(name="Ministère des Essais"), InstitutionFactory(name="Ministère des Contrôles")
    good = JobOfferFactory(institution=own, title="Offre soignée", published=True)
    poor = JobOfferFactory(institution=own, title="Offre à revoir", published=True)
    elsewhere = JobOfferFactory(institution=other, title="Offre ailleurs", published=True)
    JobOffer.objects.filter(pk=good.pk).update(quality_score=90)
    JobOffer.objects.filter(pk=poor.pk).update(quality_score=30)
    JobOffer.objects.filter(pk=elsewhere.pk).update(quality_score=95)
    for offer, views, clicks in ((good, 100, 20), (poor, 100, 5), (elsewhere, 50, 10)):
        OfferDailyCount.objects.create(
            day=today, offer=offer, institution=offer.institution, views=views, apply_clicks=clicks
        )
    application(good, "a@example.fr")
    application(good, "b@example.fr")
    application(good, "c@example.fr", days_ago=60)  # before the period
    application(elsewhere, "d@example.fr")
    return {"own": own, "other": other, "good": good, "poor": poor, "today": today}


def test_applications_are_counted_per_offer_and_per_institution_in_the_period(world):
    start = world["today"] - datetime.timedelta(days=29)

    per_offer = {row["title"]: row["applications"] for row in figures.per_offer(start, world["today"], None)}
    per_institution = {
        row["institution"]: row["applications"] for row in figures.per_institution(start, world["today"], None)
    }

    assert per_offer == {"Offre soignée": 2, "Offre à revoir": 0, "Offre ailleurs": 1}
    assert per_institution == {"Ministère des Contrôles": 1, "Ministère des Essais": 2}
    assert figures.totals(start, world["today"], [world["own"].pk])["applications"] == 2


def test_the_click_rate_is_given_per_quality_band_within_the_editor_s_institutions(world):
    start = world["today"] - datetime.timedelta(days=29)

    bands = {row["band"]: row for row in figures.per_quality_band(start, world["today"], [world["own"].pk])}

    assert (bands["Excellente"]["offers"], bands["Excellente"]["apply_rate"], bands["Excellente"]["applications"]) == (
        1,
        "20,0 %",
        2,
    )
    assert (bands["À améliorer"]["offers"], bands["À améliorer"]["apply_rate"]) == (1, "5,0 %")
    assert bands["Correcte"]["offers"] == 0 and bands["Correcte"]["apply_rate"] == "–"


def test_the_institution_report_shows_the_bands_and_the_applications(client, world, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("equipe", "equipe@example.gouv.fr", "x"))

    page = client.get("/admin/impact/institutions/").content.decode()

    assert "Taux de clic selon la qualité des offres" in page
    assert "Candidatures sur le site" in page


def test_an_offer_applied_to_but_not_viewed_in_the_period_still_has_its_row(world):
    unseen = JobOfferFactory(institution=world["own"], title="Offre jamais vue", published=True)
    application(unseen, "e@example.fr")
    start = world["today"] - datetime.timedelta(days=29)

    rows = {row["title"]: row for row in figures.per_offer(start, world["today"], [world["own"].pk])}

    assert set(rows) == {"Offre soignée", "Offre à revoir", "Offre jamais vue"}
    assert (rows["Offre jamais vue"]["views"], rows["Offre jamais vue"]["applications"]) == (0, 1)
    assert rows["Offre jamais vue"]["apply_rate"] == "–"


def test_an_offer_applied_to_but_not_viewed_counts_in_its_quality_band(world):
    unseen = JobOfferFactory(institution=world["own"], title="Offre jamais vue", published=True)
    JobOffer.objects.filter(pk=unseen.pk).update(quality_score=92)
    application(unseen, "e@example.fr")
    start = world["today"] - datetime.timedelta(days=29)

    bands = {row["band"]: row for row in figures.per_quality_band(start, world["today"], [world["own"].pk])}

    excellent = bands["Excellente"]
    assert (excellent["offers"], excellent["views"], excellent["applications"]) == (2, 100, 3)
    assert excellent["apply_rate"] == "20,0 %"  # clicks over views: the unseen offer adds neither
    assert (
        sum(row["applications"] for row in bands.values())
        == figures.totals(start, world["today"], [world["own"].pk])["applications"]
    )
