"""The candidates' demo: employers that receive applications here, candidates in and out of the pool,
one hiding from institutions, applications at every status with a valid PDF CV, and a second run that
changes nothing."""

import io

import pytest
from django.core.management import call_command

from candidates import pdf
from candidates.models import Application, ApplicationStatus, Candidate, RefusalReason
from jobs.models import Institution

pytestmark = pytest.mark.django_db


def test_the_demo_shows_the_whole_candidate_journey(demo_content):
    assert set(Institution.objects.filter(receives_applications_on_metnum=True).values_list("slug", flat=True)) == {
        "dinum",
        "insee",
    }
    assert Candidate.objects.filter(in_talent_pool=True).count() >= 2
    assert Candidate.objects.filter(in_talent_pool=False).exists()
    assert Candidate.objects.filter(hidden_institutions__isnull=False).exists()
    assert set(Application.objects.values_list("status", flat=True)) == set(ApplicationStatus.values)
    assert Application.objects.get(status="non_retenue").refusal_reasons.exists()
    assert RefusalReason.objects.filter(active=True).count() >= 4
    for application in Application.objects.all():
        with application.cv.open("rb") as cv:
            pdf.check_pdf_bytes(cv.read())  # raises when it is not a plain, valid PDF


def test_a_second_run_changes_nothing(demo_content):
    before = list(Application.objects.order_by("pk").values_list("pk", "cv", "status"))

    out = io.StringIO()
    call_command("load_demo_content", stdout=out)

    assert "Rien à faire" in out.getvalue()
    assert list(Application.objects.order_by("pk").values_list("pk", "cv", "status")) == before
