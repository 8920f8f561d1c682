"""The synonyms of the offer search, edited by the editorial team in the admin (search.SynonymGroup):
seeded from the former file, checked when saved, read at the next search, pushed to Elasticsearch."""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth import get_user_model
from django.urls import reverse

from editorial.spaces import ensure_editorial_team
from search import es
from search.models import SynonymGroup
from search.synonyms import load_synonyms

from .es_server import loopback_elasticsearch

pytestmark = pytest.mark.django_db
ADD_URL = reverse("wagtailsnippets_search_synonymgroup:add")


@pytest.fixture
def team_client(client):
    team, _ = ensure_editorial_team()
    user = get_user_model().objects.create_user("equipe", password="mot-de-passe-de-test")
    user.groups.add(team)
    client.force_login(user)
    return client


def test_the_rules_of_the_former_file_are_there_from_the_start():
    terms = set(SynonymGroup.objects.values_list("terms", flat=True))

    assert {"dev, développeur, développeuse", "data, données"} <= terms
    assert any(rule.sources[0].text == "rssi" for rule in load_synonyms())


def test_the_editorial_team_adds_a_rule_that_the_next_search_applies(team_client):
    response = team_client.post(ADD_URL, {"terms": "  vigie,   soc  "})

    assert response.status_code == 302
    assert SynonymGroup.objects.filter(terms="vigie, soc").exists()
    assert any({alt.text for alt in rule.sources} == {"vigie", "soc"} for rule in load_synonyms())


TWO_TERMS = "Écrivez au moins deux termes séparés par des virgules, ou « terme => autre terme »."


@pytest.mark.parametrize(
    ("terms", "message"),
    [
        ("", "Champ requis."),
        ("développeur", TWO_TERMS),
        ("le, de", TWO_TERMS),
        ("dev => ", TWO_TERMS),
        ("# commentaire, autre", "Le caractère « # » n'est pas accepté dans les termes."),
        ("a" * 401, "au plus 400 caractères"),
    ],
)
def test_a_rule_that_means_nothing_is_refused_in_french_and_not_saved(team_client, terms, message):
    before = SynonymGroup.objects.count()

    response = team_client.post(ADD_URL, {"terms": terms})

    assert response.status_code == 200
    errors = " ".join(
        element.get_text(" ", strip=True)
        for element in BeautifulSoup(response.content, "html.parser").select(".error-message")
    )
    assert message in errors.replace("\xa0", " ")
    assert SynonymGroup.objects.count() == before


def test_a_saved_rule_reaches_elasticsearch_without_reindexing(settings, django_capture_on_commit_callbacks):
    with loopback_elasticsearch() as cluster:
        settings.ELASTICSEARCH_URL = cluster.url
        cluster.aliases[es.alias_name()] = "metnum-test-offres-1"
        cluster.indices["metnum-test-offres-1"] = set()

        with django_capture_on_commit_callbacks(execute=True):
            SynonymGroup.objects.create(terms="vigie, soc")

        updates = [json.loads(body) for method, path, body in cluster.requests if path.endswith("/_settings")]
        assert "vigie, soc" in updates[-1]["analysis"]["filter"]["french_synonyms"]["synonyms"]
        assert not [path for _, path, _ in cluster.requests if "/_doc/" in path or path == "/_bulk"]
