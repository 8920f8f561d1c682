"""« Vouliez-vous dire … ? » on the database engines (search/spelling.py). The searches without results
are counted by the impact app (tests/impact/test_zero_result_searches.py)."""

import io

import pytest
from bs4 import BeautifulSoup
from django.core.management import call_command

from search.engines.database import DatabaseEngine
from search.models import SpellingWord
from search.query import OfferQuery
from search.spelling import edit_distance, refresh_vocabulary, suggest
from tests.search.conftest import offer

pytestmark = pytest.mark.django_db


@pytest.fixture
def offers(settings):
    settings.ELASTICSEARCH_URL = ""
    offer("Développeur ou développeuse Python", skill_names=("Django", "PostgreSQL"))
    offer("Administrateur systèmes Linux", city="Toulouse", postal_code="31000")
    offer("Cheffe de projet données", skill_names=("Qualité des données",))
    offer("Ancienne offre de cybersécurité", published=False)
    refresh_vocabulary()


def test_edit_distance_counts_a_transposition_as_one_edit():
    assert edit_distance("pyhton", "python") == 1
    assert edit_distance("devloppeur", "developpeur") == 1
    assert edit_distance("kitten", "sitting") == 3
    assert edit_distance("", "abc") == edit_distance("abc", "") == 3


@pytest.mark.parametrize(
    ("typed", "proposed"),
    [
        ("devloppeur", "développeur"),
        ("pyhton", "python"),
        ("adminstrateur systemes", "administrateur systemes"),  # "systemes": only the accent is missing
        ("Devloppeur PYHTON", "développeur python"),
        ("toulousse", "toulouse"),
        ("developer", "développeur"),
        ("djnago", "django"),
    ],
)
def test_a_misspelt_word_gets_the_closest_word_of_the_open_offers(offers, typed, proposed):
    assert suggest(typed) == proposed


@pytest.mark.parametrize("typed", ["développeuses", "DONNEES", "chefs de projet", "python 3", "xyzzyq", "le la", ""])
def test_known_words_plurals_accents_and_hopeless_words_get_no_suggestion(offers, typed):
    assert suggest(typed) == ""


def test_words_of_closed_offers_are_not_proposed(offers):
    assert not SpellingWord.objects.filter(word="cybersecurite").exists()
    assert suggest("cybersecurit") == ""


def test_the_vocabulary_builds_itself_the_first_time_and_the_command_rebuilds_it(settings):
    settings.ELASTICSEARCH_URL = ""
    offer("Architecte logiciel")
    assert not SpellingWord.objects.exists()

    assert suggest("architecre") == "architecte"

    offer("Urbaniste des systèmes")
    out = io.StringIO()
    call_command("search_index", "vocabulary", stdout=out)
    assert "Vocabulaire de « Vouliez-vous dire » reconstruit" in out.getvalue()
    assert suggest("urbanistes") == ""  # a plural of a known word: not a typo
    assert suggest("urbanste") == "urbaniste"


def test_the_search_page_proposes_the_spelling_as_a_link_keeping_the_filters(offers, client):
    results = DatabaseEngine().search(OfferQuery.from_querydict({"q": "devloppeur"}))
    assert (results.total, results.suggestion) == (0, "développeur")
    assert DatabaseEngine().search(OfferQuery.from_querydict({"q": "développeur"})).suggestion == ""

    page = BeautifulSoup(
        client.get("/offres/", {"q": "devloppeur pyhton", "teletravail": "partiel"}).content, "html.parser"
    )
    link = next(a for a in page.select("main a") if a.get_text() == "développeur python")
    assert link.find_parent("p").get_text(" ", strip=True) == "Vouliez-vous dire développeur python ?"
    assert link["href"] == "/offres/?q=d%C3%A9veloppeur+python&teletravail=partiel"
    followed = BeautifulSoup(client.get(link["href"]).content, "html.parser")
    assert followed.select_one("main h3 a, main .fr-card__title").get_text(strip=True).startswith("Développeur")
