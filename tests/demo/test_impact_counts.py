"""The demo's impact counts (demo/impact.py): figures to show after `make run`, loaded once."""

import io

import pytest
from django.core.management import call_command
from django.db.models import Sum

from impact.models import OfferDailyCount, SearchDailyCount

pytestmark = pytest.mark.django_db


def test_the_demo_has_views_clicks_and_searches_and_loads_them_once(demo_site):
    totals = OfferDailyCount.objects.aggregate(views=Sum("views"), clicks=Sum("apply_clicks"))
    assert totals["views"] > 1000 and 0 < totals["clicks"] < totals["views"] / 5
    assert SearchDailyCount.objects.filter(zero_result_searches__gt=0).exists()
    rows = OfferDailyCount.objects.count(), SearchDailyCount.objects.count()

    call_command("load_demo_content", stdout=io.StringIO())

    assert (OfferDailyCount.objects.count(), SearchDailyCount.objects.count()) == rows


def test_the_demo_dashboard_shows_this_weeks_figures(client, demo_site, django_user_model):
    client.force_login(django_user_model.objects.create_superuser("equipe", "equipe@example.gouv.fr", "x"))

    page = client.get("/admin/").content.decode()

    assert "Cette semaine sur le site" in page and "Consultations d&#x27;offres" in page
