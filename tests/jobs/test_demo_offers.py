"""The demo employers and offers: real institutions, varied offers loaded through the importer."""

import pytest
from django.core.management import call_command
from django.db.models import Count
from wagtail.models import Revision

from jobs import geography
from jobs.choices import Category, ContractTypeCode, ExperienceLevel, RemoteWork
from jobs.demo import DEMO_SOURCE, generate_offer_rows
from jobs.models import Institution, JobOffer

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


def test_about_three_hundred_varied_offers(demo):
    assert demo.count() == 300
    assert demo.filter(live=True).count() == 300
    assert set(demo.values_list("region_code", flat=True)) == set(geography.regions())
    assert {"2A", "2B", "971", "972", "973", "974", "976"} <= set(demo.values_list("departement_code", flat=True))
    assert set(demo.values_list("contract_types__code", flat=True)) == set(ContractTypeCode.values)
    assert set(demo.values_list("category", flat=True)) == {*Category.values, ""}
    assert set(demo.values_list("experience_level", flat=True)) == set(ExperienceLevel.values)
    assert set(demo.values_list("remote", flat=True)) == set(RemoteWork.values)
    assert 120 <= demo.filter(salary_min__isnull=False).count() <= 180
    assert set(demo.values_list("profession__slug", flat=True)) >= {"developpement", "donnees", "securite", "design"}
    assert demo.values("institution").distinct().count() >= 20
    assert demo.exclude(skills=None).count() == 300


def test_some_offers_are_expired_some_filled_most_open(demo):
    expired, filled, open_offers = demo.closed().filter(filled_at=None), demo.exclude(filled_at=None), demo.open()

    assert 20 <= expired.count() <= 40
    assert 10 <= filled.count() <= 20
    assert open_offers.count() >= 240
    assert not open_offers.filter(pk__in=filled).exists()


def test_offers_come_through_the_importer_with_one_revision_each(demo):
    revisions = demo.annotate(count=Count("_revisions"))

    assert set(revisions.filter(filled_at=None).values_list("count", flat=True)) == {1}
    assert set(revisions.exclude(filled_at=None).values_list("count", flat=True)) == {2}  # filled by an editor
    assert all(fingerprint for fingerprint in demo.values_list("import_fingerprint", flat=True))
    assert Revision.objects.filter(job_offer__source=DEMO_SOURCE).count() == 300 + demo.exclude(filled_at=None).count()


def test_the_generator_is_deterministic_for_a_given_day():
    assert generate_offer_rows(50) == generate_offer_rows(50)
    assert generate_offer_rows(50, seed=1) != generate_offer_rows(50, seed=2)


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
