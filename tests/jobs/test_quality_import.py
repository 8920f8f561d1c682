"""Imported offers get the same quality score as offers typed in the admin (jobs/quality.py)."""

import pytest

from jobs.models import JobOffer
from tests.jobs.importing import run_import, write_csv

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("count", [1, 3])
def test_imported_offers_are_scored_like_edited_ones(tmp_path, offer_row, count):
    # The row misses three rules: two skills only, a short description, partial remote work without
    # its rhythm. The second row has a third skill.
    rows = [dict(offer_row, external_id=f"OFFRE-{number}") for number in range(count)]
    rows[-1]["skills"] = "Python|Django|PostgreSQL" if count > 1 else rows[-1]["skills"]
    path = tmp_path / "offres.csv"
    write_csv(path, rows)

    status, out, err = run_import(path)

    assert status == 0, err
    scores = dict(JobOffer.objects.values_list("external_id", "quality_score"))
    assert scores["OFFRE-0"] == 70
    if count > 1:
        assert scores[f"OFFRE-{count - 1}"] == 80
    for offer in JobOffer.objects.all():
        assert offer.quality_score == offer.quality().score
