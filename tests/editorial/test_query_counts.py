"""Index pages cost the same number of SQL queries whatever the number of children (and at most 13)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from .pages import guide_index, home_page, make_employer, make_guide, make_story, story_index

pytestmark = pytest.mark.django_db
MAX_QUERIES = 13  # includes the main navigation, which finds the section pages by type


def queries_to_render(client, path):
    client.get(path)  # first visit: image renditions are generated once, then reused
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries), [query["sql"] for query in context.captured_queries]


def assert_same_queries(client, path, add_children):
    add_children(5)
    with_5, _ = queries_to_render(client, path)
    add_children(45)
    with_50, sql = queries_to_render(client, path)

    assert with_5 == with_50, f"{with_5} requêtes pour 5 enfants, {with_50} pour 50"
    assert with_50 <= MAX_QUERIES, "\n".join(sql)


def test_employer_index(client):
    home_page()

    def add_employers(count):
        for _ in range(count):
            make_employer(open_offers=1)

    assert_same_queries(client, "/employeurs/", add_employers)


def test_story_index(client):
    index = story_index()
    from tests.factories import InstitutionFactory, profession

    institution = InstitutionFactory()

    def add_stories(count):
        for number in range(count):
            make_story(
                index,
                tag_names=["Données", f"Thème {number % 7}"],
                person_institution=institution,
                person_profession=profession(),
            )

    assert_same_queries(client, "/temoignages/", add_stories)


def test_story_index_filtered(client):
    index = story_index()

    def add_stories(count):
        for _ in range(count):
            make_story(index, tag_names=["Données"])

    assert_same_queries(client, "/temoignages/?tag=donnees&page=2", add_stories)


def test_guide_index(client):
    index = guide_index()

    def add_guides(count):
        for _ in range(count):
            make_guide(index, tag_names=["Carrière"])

    assert_same_queries(client, "/guides/", add_guides)
