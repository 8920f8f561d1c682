"""Whatever a URL holds, /offres/, its feeds, its suggestions and /recherche/ answer (never a 500), and the
institution and région counts shown on the page add up to the total when not selected."""

import re

import pytest
from bs4 import BeautifulSoup
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.search.conftest import institution, offer
from tests.search.test_properties import PARAMS

pytestmark = pytest.mark.django_db
COUNT = re.compile(r"\((\d+)\)$")


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker):
    """Five open offers in three régions, two institutions; rolled back after the module."""
    with django_db_blocker.unblock(), transaction.atomic():
        dinum, anssi = institution("dinum"), institution("anssi")
        offer("Développeur Python", institution=dinum, postal_code="75007", salary_min=45_000, days_ago=2)
        offer("Développeuse Java", institution=dinum, postal_code="69003", contract_codes=("stage",), remote="total")
        offer("Analyste données", institution=anssi, postal_code="31000", category="aplus", days_ago=20)
        offer("Cheffe de projet", institution=anssi, postal_code="78000", salary_min=50_000, salary_max=60_000)
        offer("Designer de services", institution=anssi, postal_code="69001", remote="aucun")
        yield
        transaction.set_rollback(True)


@pytest.fixture
def corpus_db(corpus, db, settings):
    settings.ELASTICSEARCH_URL = ""


def facet_counts(page, name):
    labels = page.select(f"fieldset#filtre-{name} label")
    return [int(COUNT.search(" ".join(label.get_text(" ").split())).group(1)) for label in labels]


def total(page):
    heading = " ".join(page.select_one("#total-offres h2").get_text(" ").split())
    return 0 if heading == "Aucune offre" else int(heading.split()[0])


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(params=PARAMS, feed=st.sampled_from(["/offres/flux.rss", "/offres/flux.atom"]))
def test_any_parameters_get_an_answer_whose_counts_add_up(corpus_db, client, params, feed):
    response = client.get("/offres/", params)
    assert response.status_code == 200
    page = BeautifulSoup(response.content.decode(), "html.parser")
    for name in ("institution", "region"):
        if not page.select(f"fieldset#filtre-{name} input:checked"):
            assert sum(facet_counts(page, name)) == total(page), name

    assert client.get(feed, params).status_code == 200
    suggestions = client.get("/offres/suggestions", params)
    assert suggestions.status_code == 200
    assert len(suggestions.json()["suggestions"]) <= 8
    assert client.get("/recherche/", params).status_code == 200
