"""What the API needs from the one search parser and the engines: the values /offres/ drops silently
are named (OfferQuery.unknown), and a snapshot instant leaves out offers published after it
(OfferQuery.published_until), on both engines."""

import datetime
from dataclasses import replace

import pytest
from django.utils import timezone

from search.engines.database import DatabaseEngine, Taxonomies
from search.engines.elasticsearch import OfferFacetedSearch
from search.query import OfferQuery
from tests.factories import JobOfferFactory
from tests.search.conftest import querydict

pytestmark = pytest.mark.django_db


def test_dropped_values_are_named_and_known_ones_kept():
    query = OfferQuery.from_querydict(
        querydict({"contrat": ["STAGE", "cdi"], "region": "99", "tri": "Hasard", "rayon": "7", "publiee": "3"})
    )

    assert query.filters == {"contrat": ("stage",)}
    assert query.unknown == (("contrat", "cdi"), ("region", "99"), ("publiee", "3"), ("rayon", "7"), ("tri", "hasard"))
    assert OfferQuery.from_querydict(querydict({"contrat": "stage", "tri": "date"})).unknown == ()
    assert query.without("contrat").unknown == ()


def test_the_database_engine_leaves_out_offers_published_after_the_snapshot():
    older = JobOfferFactory(published=True)
    snapshot = timezone.now()
    JobOfferFactory(published=True)

    results = DatabaseEngine().search(replace(OfferQuery(), published_until=snapshot))

    assert [hit.offer.pk for hit in results.hits] == [older.pk]
    assert results.total == 1


def test_the_elasticsearch_query_leaves_them_out_too():
    snapshot = datetime.datetime(2026, 3, 2, 9, 30, tzinfo=datetime.UTC)
    body = OfferFacetedSearch(replace(OfferQuery(), published_until=snapshot), Taxonomies()).request_body()

    assert {"range": {"first_published_at": {"lte": "2026-03-02T09:30:00+00:00"}}} in body["query"]["bool"]["filter"]
