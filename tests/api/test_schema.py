"""The API against its own OpenAPI schema (schemathesis 4, through the WSGI application: its pytest
fixture loader does not work with pytest 9). Every operation, with generated parameters: never a
500, and every answer (status, content type, headers, body) is one the schema describes.

Kept fast for CI: a bounded, derandomized number of examples per operation, on a small world."""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from api import datasets
from metnum_site.wsgi import application
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db(transaction=False)

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
EXAMPLES = 25


@pytest.fixture
def keep_connection():
    """The WSGI handler closes the database connection at the end of each request, which would end
    the test's transaction on PostgreSQL: keep it, as Django's test client does."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def world(db, settings, tmp_path, keep_connection):
    settings.ELASTICSEARCH_URL = ""
    settings.API_RATE_LIMIT = 0
    settings.MEDIA_ROOT = tmp_path
    dinum = InstitutionFactory(slug="dinum", name="Direction interministérielle du numérique", website="")
    JobOfferFactory(published=True, institution=dinum, salary_min=40000, skill_names=("Python",))
    JobOfferFactory(published=True, contract_codes=("stage",), remote="total", category="")
    JobOfferFactory(published=True, postal_code="69001", city="Lyon", profession=None)
    datasets.export()


@pytest.fixture(scope="module")
def api_schema(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock():
        return schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)


def operations(schema):
    return [result.ok() for result in schema.get_all_operations()]


def test_the_schema_lists_every_api_route(api_schema):
    paths = {operation.path for operation in operations(api_schema)}

    assert paths == {
        "/api/v1/offres/",
        "/api/v1/institutions/",
        "/api/v1/donnees/offres.csv",
        "/api/v1/donnees/offres.jsonl",
        "/api/v1/donnees/offres.schema.json",
    }


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/offres/",
        "/api/v1/institutions/",
        "/api/v1/donnees/offres.csv",
        "/api/v1/donnees/offres.jsonl",
        "/api/v1/donnees/offres.schema.json",
    ],
)
def test_every_answer_matches_the_schema(world, api_schema, path):
    operation = next(operation for operation in operations(api_schema) if operation.path == path)

    @settings(
        max_examples=EXAMPLES,
        derandomize=True,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(case=operation.as_strategy())
    def check(case):
        # identity: the WSGI transport does not decompress what the site gzips (metnum_site/compression.py).
        case.call_and_validate(checks=CHECKS, headers={"Accept-Encoding": "identity"})

    check()
