"""Database engine specifics: constant query count, autocomplete, Wagtail's French index."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from search.engines.database import DatabaseEngine
from search.query import OfferQuery
from tests.factories import JobOfferFactory
from tests.search.conftest import institution, offer, querydict

pytestmark = pytest.mark.django_db


def count_queries(**params):
    with CaptureQueriesContext(connection) as context:
        results = DatabaseEngine().search(OfferQuery.from_querydict(querydict(params)))
    return len(context.captured_queries), results


def test_the_same_number_of_queries_for_five_or_twenty_results():
    dinum = institution("dinum")
    for number in range(5):
        offer(f"Développeur {number}", institution=dinum, skill_names=("Python",))
    five, results = count_queries(q="développeur", institution="dinum")
    assert len(results.hits) == 5
    for number in range(15):
        offer(f"Développeuse {number}", institution=dinum, contract_codes=("stage", "contractuel"))
    twenty, results = count_queries(q="développeur", institution="dinum")

    assert len(results.hits) == 20
    # Taxonomies, the statement (with its savepoint and, on PostgreSQL, its planner settings), offers, contracts.
    assert twenty == five <= 10


def test_autocomplete_suggests_metiers_employers_and_open_offer_titles():
    institution("direction-numerique", "Direction interministérielle du numérique")
    offer("Développeur Python", published=True)
    offer("Développeur Python", published=True)
    offer("Développeuse Java", filled_at=timezone.localdate())

    suggestions = DatabaseEngine().autocomplete("dév")

    assert [(s.kind, s.label) for s in suggestions] == [("metier", "Développement"), ("offre", "Développeur Python")]
    assert suggestions[0].url == "/offres/?metier=developpement"
    employers = DatabaseEngine().autocomplete("direction numé")
    assert [(s.kind, s.url) for s in employers] == [("employeur", "/offres/?institution=direction-numerique")]
    assert DatabaseEngine().autocomplete("  ") == []
    assert len(DatabaseEngine().autocomplete("d", limit=1)) == 1


def test_autocomplete_titles_match_each_typed_word_as_a_prefix_and_put_title_starts_first():
    offer("Architecte au service de l'État", days_ago=1)
    offer("Cheffe de projet données", days_ago=3)
    offer("Responsable données, cheffe de projet", days_ago=0)
    offer("Cheffe de produit", days_ago=2)
    offer("Chef de projet parti", filled_at=timezone.localdate())

    def titles(typed):
        return [s.label for s in DatabaseEngine().autocomplete(typed) if s.kind == "offre"]

    assert titles("cheffe de p") == [
        "Cheffe de produit",
        "Cheffe de projet données",
        "Responsable données, cheffe de projet",
    ]
    assert titles("CHEF DE PRO") == [
        "Responsable données, cheffe de projet",
        "Cheffe de produit",
        "Cheffe de projet données",
    ]
    assert titles("l'etat") == titles("État") == ["Architecte au service de l'État"]
    assert titles("données proj") == ["Responsable données, cheffe de projet", "Cheffe de projet données"]
    assert titles('"*(') == []


@pytest.mark.django_db
def test_rich_text_is_indexed_and_excerpted_as_words_not_markup():
    offer(
        "Chargée de mission",
        missions="<p>Des services numériques.</p><p>Vos missions :</p><ul><li>Écrire &amp; tester</li></ul>"
        "<p>Déployer</p><p>Kubernetes</p>",
    )
    engine = DatabaseEngine()

    def search(text):
        return engine.search(OfferQuery.from_querydict(querydict({"q": text})))

    found = search("missions")
    assert found.total == 1
    assert "numériques. Vos <mark>missions</mark> : Écrire &amp; tester" in found.hits[0].excerpt_html
    assert search("kubernetes").total == 1  # not glued to the paragraph before it
    assert search("amp").total == search("li").total == 0  # words, not markup or entities


def test_both_plans_of_the_postgresql_title_prefixes_find_the_same_newest_offers():
    from django.db import connection as current

    from jobs.models import JobOffer
    from search.engines.db_text import text_dialect

    if current.vendor != "postgresql":
        pytest.skip("Les deux plans (parcours des plus récentes, index GIN) sont ceux de PostgreSQL.")
    for days in range(6):
        offer(f"Cheffe de projet numéro {days}", days_ago=days)
    offer("Cheffe de projet partie", filled_at=timezone.localdate())
    offer("Chargée de mission", days_ago=0)
    dialect, offers = text_dialect(), JobOffer.objects.open()

    by_walk = dialect.newest_with_title_prefixes(offers, ["chef", "pro"], 4, walked=100)
    by_index = dialect.newest_with_title_prefixes(offers, ["chef", "pro"], 4, walked=1)
    every_match = dialect.newest_with_title_prefixes(offers, ["chef", "pro"], 10, walked=3)

    assert [found.title for found in by_walk] == [f"Cheffe de projet numéro {days}" for days in range(4)]
    assert by_index == by_walk
    assert [found.title for found in every_match] == [f"Cheffe de projet numéro {days}" for days in range(6)]


def test_the_postgresql_title_prefixes_are_read_from_their_gin_index():
    """search/migrations/0011 writes the index expression, db_text.TitleWords the query's: were they
    to differ, every rare prefix would read the whole table."""
    from django.db import connection as current
    from django.db import transaction

    from jobs.models import JobOffer
    from search.engines.db_text import text_dialect

    if current.vendor != "postgresql":
        pytest.skip("L'index GIN des mots des titres est propre à PostgreSQL.")
    published = JobOfferFactory.build_batch(500, live=True, institution=institution("dinum"))
    for number, built in enumerate(published):
        built.slug = f"offre-{number}"
    JobOffer.objects.bulk_create(published)
    rare = JobOffer.objects.open().filter(text_dialect().title_prefixes_match(["zanzib"]))
    with transaction.atomic(), current.cursor() as cursor:
        cursor.execute("ANALYZE jobs_joboffer")
        cursor.execute("SELECT set_config('enable_seqscan', 'off', true)")
        plan = rare.explain()

    assert "search_joboffer_title_words" in plan, plan


TITLES_AS_TYPED = {
    "Développeuse back-end Node.js (H/F)": ["développeuse", "DEVELOPPEUSE", "back", "end", "node", "js", "h", "f"],
    "Chargé·e de mission Île-de-France": ["chargé", "charge", "e", "de", "mission", "Île", "ile", "france"],
    "Ingénieure cœur de réseau 5G": ["ingenieure", "cœur", "coeur", "réseau", "reseau", "5g"],
    "Responsable d'équipe – DevSecOps": ["responsable", "d", "équipe", "equipe", "devsecops"],
    "Administrateur_systèmes Linux/Windows": ["administrateur", "systèmes", "systemes", "linux", "windows"],
    "Analyste SOC 24h/24, Saint-Pierre-et-Miquelon": ["analyste", "soc", "24h", "24", "saint", "pierre", "miquelon"],
}


@pytest.mark.parametrize("title", TITLES_AS_TYPED)
def test_every_word_of_a_title_is_found_by_its_first_letters_however_it_is_written(title):
    from search.engines.database import database_offer_titles

    offer(title)
    offer("Gestionnaire de paie")

    def titles(typed):
        return {found.title for found in database_offer_titles(typed, 8)}

    for word in TITLES_AS_TYPED[title]:
        for typed in {word[:2], word[:4], word, word.upper()}:
            assert title in titles(typed), typed
    assert titles("gestionnaire js") == titles("node paie") == set()
    whole = " ".join(word[:3] for word in TITLES_AS_TYPED[title])
    assert [found.title for found in database_offer_titles(whole, 8)] == [title]
