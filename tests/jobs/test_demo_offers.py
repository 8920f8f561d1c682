"""The demo employers and offers: real institutions, varied offers loaded through the importer."""

import datetime

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from wagtail.models import Revision

from demo.offers import DEMO_SOURCE, demo_offers, offer_rows
from jobs import geography
from jobs.choices import Category, ContractTypeCode, ExperienceLevel, RemoteWork
from jobs.models import Institution, InternalAcronym, JobOffer, Profession

pytestmark = pytest.mark.django_db


@pytest.fixture
def demo(demo_content, db):
    return JobOffer.objects.filter(source=DEMO_SOURCE)


def test_real_employers_with_their_logos(demo):
    assert Institution.objects.count() >= 20
    anssi = Institution.objects.get(acronym="ANSSI")
    assert anssi.kind == "service_competence_nationale"
    assert anssi.website == "https://cyber.gouv.fr"
    assert Institution.objects.get(acronym="DGFiP").parent.name == "Ministère de l'Économie et des Finances"
    assert Institution.objects.get(acronym="CNIL").kind == "autorite_independante"
    assert Institution.objects.get(slug="cour-des-comptes").kind == "juridiction"
    assert not Institution.objects.filter(logo__isnull=True).exists()
    logo = Institution.objects.get(acronym="DINUM").logo
    assert (logo.width, logo.height) == (240, 240)


def test_a_hundred_and_forty_seven_varied_offers(demo):
    assert demo.count() == len(demo_offers()) == 147
    assert demo.filter(live=True).count() == 147
    assert set(demo.values_list("region_code", flat=True)) == set(geography.regions())
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(demo.values_list("departement_code", flat=True))
    assert set(demo.values_list("contract_types__code", flat=True)) == set(ContractTypeCode.values)
    assert set(demo.values_list("category", flat=True)) == {*Category.values, ""}
    assert set(demo.values_list("experience_level", flat=True)) == set(ExperienceLevel.values)
    assert set(demo.values_list("remote", flat=True)) == set(RemoteWork.values)
    assert demo.filter(salary_min__isnull=False).count() == 73
    assert set(demo.values_list("profession__slug", flat=True)) == set(
        Profession.objects.values_list("slug", flat=True)
    )
    assert demo.values("institution").distinct().count() == Institution.objects.count() == 23
    assert demo.exclude(skills=None).count() == 147
    assert demo.values("title").distinct().count() >= 140


def test_some_offers_are_expired_some_filled_most_open(demo):
    expired, filled, open_offers = demo.closed().filter(filled_at=None), demo.exclude(filled_at=None), demo.open()

    assert (expired.count(), filled.count(), open_offers.count()) == (17, 10, 120)
    assert not open_offers.filter(pk__in=filled).exists()


def test_a_single_open_offer_pays_75000_or_more_in_ile_de_france(demo):
    best_paid = (
        demo.open()
        .filter(region_code="11")
        .filter(Q(salary_max__gte=75000) | Q(salary_max=None, salary_min__gte=75000))
    )

    assert list(best_paid.values_list("title", flat=True)) == [
        "Directeur ou directrice de programme – Infrastructures numériques de l'État"
    ]


def test_offers_come_through_the_importer_with_one_revision_each(demo):
    revisions = demo.annotate(count=Count("_revisions"))

    assert set(revisions.filter(filled_at=None).values_list("count", flat=True)) == {1}
    assert set(revisions.exclude(filled_at=None).values_list("count", flat=True)) == {2}  # filled by an editor
    assert all(fingerprint for fingerprint in demo.values_list("import_fingerprint", flat=True))
    assert Revision.objects.filter(job_offer__source=DEMO_SOURCE).count() == 147 + demo.exclude(filled_at=None).count()


@pytest.mark.parametrize("today", [datetime.date(2026, 1, 1), datetime.date(2031, 12, 31)])
def test_dates_are_written_relative_to_the_day_of_the_load(today):
    rows = offer_rows(today)
    written = dict(demo_offers_by_id())

    assert rows == offer_rows(today)  # the same rows all day long: a second load changes nothing
    for row in rows:
        offer = written[row["external_id"]]
        assert row["published_at"] <= today.isoformat()
        assert (row["deadline"] >= today.isoformat()) == (offer["deadline"] >= 0)
    assert offer_rows(today + datetime.timedelta(days=1)) != rows


def demo_offers_by_id():
    return [(offer["id"], offer) for _, offer in demo_offers()]


def test_a_second_load_changes_no_offer(demo, capsys):
    before = list(demo.order_by("pk").values_list("pk", "latest_revision_id", "updated_at"))

    call_command("load_demo_content")

    assert "Rien à faire" in capsys.readouterr().out
    assert list(demo.order_by("pk").values_list("pk", "latest_revision_id", "updated_at")) == before


def test_editors_changes_to_demo_employers_survive_a_new_load(demo, capsys):
    dinum = Institution.objects.get(slug="dinum")
    dinum.name, dinum.acronym = "Direction du numérique (renommée)", "DNUM"
    dinum.save()

    call_command("load_demo_content")

    assert "Rien à faire" in capsys.readouterr().out
    dinum.refresh_from_db()
    assert dinum.name == "Direction du numérique (renommée)"
    assert Institution.objects.filter(slug="dinum").count() == 1


def test_internal_acronyms_are_loaded_once_and_every_offer_is_scored(demo, capsys):
    sgami = InternalAcronym.objects.get(acronym="SGAMI")
    assert InternalAcronym.objects.count() == 7
    sgami.meaning = "secrétariat général (revu par l'équipe)"
    sgami.save()

    call_command("load_demo_content")

    assert "Rien à faire" in capsys.readouterr().out
    sgami.refresh_from_db()
    assert sgami.meaning == "secrétariat général (revu par l'équipe)"
    assert not demo.filter(quality_score__isnull=True).exists()
    assert demo.filter(quality_score__gte=50).exists()
