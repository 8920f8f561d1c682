import datetime
import os
import uuid

import pytest
from django.http import QueryDict
from django.utils import timezone

from search import es
from search.engines.database import DatabaseEngine
from search.engines.elasticsearch import ElasticsearchEngine
from search.query import OfferQuery
from tests.factories import InstitutionFactory, JobOfferFactory

LIVE_ELASTICSEARCH = os.environ.get("ELASTICSEARCH_URL", "")


def querydict(params):
    data = QueryDict(mutable=True)
    for key, value in params.items():
        data.setlist(key, value if isinstance(value, (list, tuple)) else [str(value)])
    return data


class Searcher:
    """search(q="…", region=["11"]) → OfferResults, on one engine. The Elasticsearch index is built
    from the database at the first search of a test: create the offers first."""

    def __init__(self, engine):
        self.engine = engine
        self.built = False

    @property
    def name(self):
        return self.engine.name

    def __call__(self, size=None, **params):
        self.build_index()
        return self.engine.search(OfferQuery.from_querydict(querydict(params)), size=size)

    def newest(self, size=50, **params):
        """The feeds' list: JobOffer, newest first."""
        self.build_index()
        return self.engine.newest(OfferQuery.from_querydict(querydict(params)), size)

    def build_index(self):
        if isinstance(self.engine, ElasticsearchEngine) and not self.built:
            es.rebuild(es.get_client())
            self.built = True

    def titles(self, **params):
        return [hit.offer.title for hit in self(**params).hits]


@pytest.fixture(params=["database", "elasticsearch"])
def search(request, db, settings):
    """The behaviour suite runs on the database engine (SQLite, or PostgreSQL with DATABASE_URL) and,
    when ELASTICSEARCH_URL is set, on Elasticsearch."""
    if request.param == "database":
        settings.ELASTICSEARCH_URL = ""
        yield Searcher(DatabaseEngine())
        return
    if not LIVE_ELASTICSEARCH:
        pytest.skip("Elasticsearch non testé ici : ELASTICSEARCH_URL n'est pas défini (la CI GitHub le définit).")
    settings.ELASTICSEARCH_URL = LIVE_ELASTICSEARCH
    settings.ELASTICSEARCH_INDEX_PREFIX = f"metnum-test-{uuid.uuid4().hex[:10]}"
    yield Searcher(ElasticsearchEngine())
    es.delete_all(es.get_client())


NEUTRAL_MISSIONS = "<p>Vous rejoignez une équipe engagée au service du public.</p>"


def offer(title="Chargée de mission", published=True, days_ago=None, **fields):
    """An offer published through Wagtail (unless published=False); days_ago sets its publication date.
    The body text is neutral unless given (PostgreSQL's French stemmer reads "développer" as
    "développeuse": the factory's default missions would match searches for developers there)."""
    fields.setdefault("missions", NEUTRAL_MISSIONS)
    fields.setdefault("profile", "")
    created = JobOfferFactory(title=title, published=published, **fields)
    if days_ago is not None:
        moment = timezone.now() - datetime.timedelta(days=days_ago)
        type(created).objects.filter(pk=created.pk).update(first_published_at=moment)
        created.refresh_from_db()
    return created


def institution(slug, name=None):
    return InstitutionFactory(slug=slug, name=name or slug.replace("-", " ").title(), acronym=slug[:6].upper())
