"""The Elasticsearch engine without a cluster: the index definition, the request bodies it builds,
the parsing of recorded ES 8 responses served over loopback HTTP, the fallback, the on-commit sync
and the index lifecycle. The live behaviour runs in test_behaviour.py when ELASTICSEARCH_URL is set."""

import datetime
import io
import json
import logging
import socket
from pathlib import Path
from urllib.parse import urlencode

import pytest
from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from jobs.models import JobOffer
from search import es
from search.engines import get_engine
from search.engines.database import Taxonomies
from search.engines.elasticsearch import ElasticsearchEngine, NewestOffersSearch, OfferFacetedSearch
from search.engines.fallback import BREAKER_KEY
from search.query import OfferQuery
from search.ranking import PHRASE_IN_TITLE_BONUS, WEIGHT_CONTEXT, WEIGHT_CORE, WEIGHT_TITLE
from search.text import FORM_RULES, STOP_WORDS
from tests.factories import InstitutionFactory, JobOfferFactory
from tests.search.conftest import institution, offer, querydict
from tests.search.es_server import loopback_elasticsearch, search_bodies

pytestmark = pytest.mark.django_db
FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(autouse=True)
def test_prefix(settings):
    settings.ELASTICSEARCH_INDEX_PREFIX = "metnum-test"


def body_for(**params):
    return OfferFacetedSearch(OfferQuery.from_querydict(querydict(params)), Taxonomies()).request_body()


# Index definition ---------------------------------------------------------------------------------


def test_the_french_analyzers_fold_elide_stem_and_expand_synonyms_at_search_time_only():
    analysis = es.index_body()["settings"]["analysis"]

    forms = [f"french_form_{number}" for number in range(1, len(FORM_RULES) + 1)]
    index_chain = ["french_elision", "lowercase", "asciifolding", *forms, "french_stemmer", "french_stop"]
    assert analysis["analyzer"]["french_index"]["filter"] == index_chain
    assert analysis["analyzer"]["french_search"]["filter"] == [*index_chain[:-1], "french_synonyms", "french_stop"]
    # The plural and feminine rules of the database engines, in the same order, as Java regexes.
    assert [(analysis["filter"][name]["pattern"], analysis["filter"][name]["replacement"]) for name in forms] == list(
        FORM_RULES
    )
    assert {"l", "d", "qu", "jusqu"} <= set(analysis["filter"]["french_elision"]["articles"])
    assert analysis["filter"]["french_stemmer"] == {"type": "stemmer", "language": "light_french"}
    assert set(analysis["filter"]["french_stop"]["stopwords"]) == STOP_WORDS
    synonyms = analysis["filter"]["french_synonyms"]
    assert synonyms["type"] == "synonym_graph"
    assert "rssi, responsable de la sécurité des systèmes d'information" in synonyms["synonyms"]
    assert "dev, développeur, développeuse" in synonyms["synonyms"]


def test_the_mapping_has_title_subfields_and_keyword_facets():
    properties = es.index_body()["mappings"]["properties"]

    title = properties["title"]
    assert (title["analyzer"], title["search_analyzer"]) == ("french_index", "french_search")
    assert title["fields"]["exact"] == {"type": "text", "analyzer": "french_exact"}
    assert title["fields"]["keyword"]["type"] == "keyword"
    assert title["fields"]["sayt"]["type"] == "search_as_you_type"
    assert set(title["copy_to"]) == {"headline", "core", "all_text"}
    assert set(properties["skills"]["copy_to"]) == {"headline", "core", "all_text"}
    for core in ("missions", "profile", "profession_name"):
        assert set(properties[core]["copy_to"]) == {"core", "all_text"}, core
    for context in ("team_context", "team", "reference", "institution_name", "search_terms"):
        assert properties[context]["copy_to"] in ("all_text", ["all_text"]), context
    for field in ("institution", "profession", "contracts", "category", "experience", "region", "departement"):
        assert properties[field] == {"type": "keyword"}, field
    assert properties["remote"] == {"type": "keyword"}
    assert properties["salary"]["type"] == "integer"
    assert properties["deadline"]["type"] == "date"
    assert es.index_body()["settings"]["max_result_window"] == 10_000


def test_a_document_carries_the_codes_of_the_url_contract():
    created = offer(
        "Développeuse <b>Python</b>",
        institution=institution("dinum"),
        contract_codes=("stage", "contractuel"),
        skill_names=("Django",),
        salary_min=40_000,
        postal_code="69003",
    )

    source = es.offer_source(es.offers_to_index().get(pk=created.pk))

    assert source["institution"] == "dinum"
    assert source["contracts"] == ["contractuel", "stage"]
    assert (source["region"], source["departement"], source["salary"]) == ("84", "69", 40_000)
    assert source["skills"] == ["Django"]
    assert "<" not in source["missions"]


# Request bodies -----------------------------------------------------------------------------------


def test_selections_are_post_filters_and_each_facet_is_counted_with_the_other_selections():
    body = body_for(q="développeur", region=["11", "84"], contrat="stage")

    post_filter = json.dumps(body["post_filter"])
    assert '"region": ["11", "84"]' in post_filter and '"contracts": ["stage"]' in post_filter
    aggregations = body["aggs"]
    region_filter = json.dumps(aggregations["_filter_region"]["filter"])
    assert "contracts" in region_filter and '"region"' not in region_filter
    contract_filter = json.dumps(aggregations["_filter_contrat"]["filter"])
    assert '"region"' in contract_filter and "contracts" not in contract_filter
    institution_filter = json.dumps(aggregations["_filter_institution"]["filter"])
    assert '"region"' in institution_filter and "contracts" in institution_filter
    assert aggregations["_filter_region"]["aggs"]["region"]["terms"]["field"] == "region"
    # Salary, recency and open-ness narrow the counts too: they are query filters, not post filters.
    assert "deadline" in json.dumps(body["query"]) and "deadline" not in post_filter


def test_every_terms_aggregation_holds_all_values():
    for number in range(14):
        InstitutionFactory(slug=f"employeur-{number}")

    aggregations = body_for(region="11")["aggs"]

    assert aggregations["_filter_institution"]["aggs"]["institution"]["terms"]["size"] >= 14
    assert aggregations["_filter_departement"]["aggs"]["departement"]["terms"]["size"] >= 101
    assert aggregations["_filter_region"]["aggs"]["region"]["terms"]["size"] >= 18
    assert aggregations["_filter_metier"]["aggs"]["metier"]["terms"]["size"] >= 10
    assert "_filter_departement" not in body_for()["aggs"]  # département only once a région is chosen


def test_text_must_match_everywhere_and_scores_each_word_by_its_best_rank():
    text = body_for(q="chef de projet")["query"]["bool"]

    words = {"operator": "and", "auto_generate_synonyms_phrase_query": False}
    assert {"match": {"all_text": {"query": "chef de projet", **words}}} in text["filter"]
    assert "must" not in text  # no BM25: the score is search/ranking.py's, as on the database engine
    *clauses, phrase = text["should"]
    # One clause per typed word (the stop word "de" has none), each worth its best rank.
    assert clauses == [
        {
            "dis_max": {
                "queries": [
                    {"constant_score": {"filter": {"match": {field: {"query": word, **words}}}, "boost": weight}}
                    for field, weight in (
                        ("headline", WEIGHT_TITLE),
                        ("core", WEIGHT_CORE),
                        ("all_text", WEIGHT_CONTEXT),
                    )
                ]
            }
        }
        for word in ("chef", "projet")
    ]
    assert phrase == {
        "constant_score": {
            "filter": {"match_phrase": {"title.exact": {"query": "chef de projet"}}},
            "boost": PHRASE_IN_TITLE_BONUS,
        }
    }
    assert text.get("minimum_should_match", 0) == 0  # the ranking clauses never exclude an offer


def test_highlight_suggestion_sort_and_paging():
    body = body_for(q="devloppeur", page=3)

    assert body["highlight"]["pre_tags"] == ["<mark>"] and body["highlight"]["encoder"] == "html"
    assert set(body["highlight"]["fields"]) == {"title", "missions", "profile"}
    assert body["suggest"]["spelling"]["phrase"]["field"] == "title.spelling"
    assert body["sort"][0] == "_score"
    assert (body["from"], body["size"]) == (40, 20)
    assert body["track_total_hits"] is True

    deepest = body_for(page=10**9)
    assert deepest["from"] + deepest["size"] <= 10_000
    assert body_for(tri="echeance")["sort"][0] == {"deadline": "asc"}
    stop_words_only = body_for(q="le de la")  # no text search, as on the database engine
    assert "must" not in stop_words_only["query"]["bool"] and "highlight" not in stop_words_only
    assert body_for(tri="salaire")["sort"][0] == {"salary": {"order": "desc", "missing": "_last"}}
    assert body_for()["sort"][0] == {"first_published_at": {"order": "desc", "missing": "_last"}}
    salary = json.dumps(body_for(salaire_min=45000, publiee=7)["query"])
    assert '"salary": {"gte": 45000}' in salary and "now-7d" in salary


# Recorded responses -------------------------------------------------------------------------------


def recorded_response(**ids):
    text = (FIXTURES / "search_response.json").read_text(encoding="utf-8")
    for name, pk in ids.items():
        text = text.replace(f'"${name}"', f'"{pk}"')
    return json.loads(text)


@pytest.fixture
def recorded(settings):
    dinum, anssi = institution("dinum", "Direction du numérique"), institution("anssi", "ANSSI")
    java = offer("Développeuse Java & Kotlin", institution=dinum)
    python = offer("Développeur Python", institution=anssi, missions="<p>Une équipe <em>engagée</em>.</p>")
    closed = offer("Développeur fermé", institution=dinum, filled_at=timezone.localdate())
    response = recorded_response(java=java.pk, python=python.pk, closed=closed.pk)
    with loopback_elasticsearch(search_response=response) as server:
        settings.ELASTICSEARCH_URL = server.url
        yield server, java, python


def test_a_recorded_response_becomes_results(recorded):
    server, java, python = recorded
    query = OfferQuery.from_querydict(querydict({"q": "develloppeuse java", "region": "11", "categorie": "c"}))

    results = ElasticsearchEngine().search(query)

    # Hits in the order of the response; an offer closed since it was indexed is left out.
    assert [hit.offer for hit in results.hits] == [java, python]
    assert results.hits[0].title_html == "<mark>Développeuse</mark> Java &amp; Kotlin"
    assert "<mark>développement</mark>" in results.hits[0].excerpt_html
    assert results.hits[1].title_html == "Développeur Python"
    assert "<" not in results.hits[1].excerpt_html and "engagée" in results.hits[1].excerpt_html
    assert results.total == 23 and results.page_count == 2
    assert results.suggestion == "développeuse java"
    institutions = results.facet("institution").values
    assert [(v.value, v.label, v.count) for v in institutions] == [
        ("dinum", "Direction du numérique", 15),
        ("anssi", "ANSSI", 8),
    ]  # unknown slugs dropped, ordered by count
    regions = results.facet("region")
    assert [(v.value, v.count, v.selected) for v in regions.values] == [("11", 23, True), ("84", 18, False)]
    assert regions.total_without_selection == 41
    assert [(v.value, v.count, v.selected) for v in results.facet("categorie").values] == [
        ("a", 20, False),
        ("b", 3, False),
        ("c", 0, True),
    ]
    assert results.engine == "elasticsearch"
    assert len(search_bodies(server)) == 1


def test_the_feeds_request_keeps_text_and_filters_and_counts_nothing():
    params = {"q": "data", "region": "11", "salaire_min": "40000"}
    query = OfferQuery.from_querydict(querydict({**params, "tri": "salaire", "page": "4"}))

    body = NewestOffersSearch(query, Taxonomies(), 50).request_body()

    assert (body["from"], body["size"], body["track_total_hits"]) == (0, 50, False)
    assert not {"aggs", "highlight", "suggest"} & set(body)
    assert body["sort"][0] == {"first_published_at": {"order": "desc", "missing": "_last"}}
    page_body = body_for(**params)
    assert (body["query"], body["post_filter"]) == (page_body["query"], page_body["post_filter"])


def test_the_feeds_list_follows_the_hits_and_leaves_closed_offers_out(recorded):
    server, java, python = recorded

    offers = ElasticsearchEngine().newest(OfferQuery.from_querydict(querydict({"q": "java"})), 50)

    assert offers == [java, python]
    assert "aggs" not in search_bodies(server)[0]


def test_a_page_past_the_last_asks_for_the_last_page(recorded):
    server, _, _ = recorded

    results = ElasticsearchEngine().search(OfferQuery.from_querydict(querydict({"q": "java", "page": "7"})))

    assert results.page == 2
    assert [body["from"] for body in search_bodies(server)] == [120, 20]


def test_when_nothing_matches_the_search_page_offers_the_spelling_suggestion(settings, client, db):
    response = recorded_response(java=0, python=0, closed=0)
    response["hits"] = {"total": {"value": 0, "relation": "eq"}, "max_score": None, "hits": []}

    with loopback_elasticsearch(search_response=response) as server:
        settings.ELASTICSEARCH_URL = server.url
        page = client.get("/offres/", {"q": "develloppeuse java", "region": "11"})

    assert page.status_code == 200
    callout = BeautifulSoup(page.content, "html.parser").select_one(".fr-callout")
    link = callout.find("a", string="développeuse java")
    assert "Vouliez-vous dire" in callout.get_text()
    assert link["href"] == "/offres/?" + urlencode({"q": "développeuse java", "region": "11"})


# Fallback -----------------------------------------------------------------------------------------


def closed_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_when_the_cluster_is_unreachable_the_database_answers_and_a_warning_is_logged(settings, caplog):
    offer("Développeur Python")
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"

    with caplog.at_level(logging.WARNING, logger="search"):
        results = get_engine().search(OfferQuery.from_querydict(querydict({"q": "développeur"})))
        suggestions = get_engine().autocomplete("dévelop")

    assert [hit.offer.title for hit in results.hits] == ["Développeur Python"]
    assert results.engine == "database"
    assert [suggestion.label for suggestion in suggestions] == ["Développement", "Développeur Python"]
    assert "Elasticsearch indisponible" in caplog.text


def test_a_hung_cluster_costs_one_search_its_timeout_then_rests_for_the_cool_down(settings, caplog):
    offer("Développeur Python")
    assert settings.ELASTICSEARCH_TIMEOUT <= 0.3 and settings.ELASTICSEARCH_COOL_DOWN == 30

    def failures():
        return caplog.text.count("Elasticsearch indisponible")

    with loopback_elasticsearch(search_response={}, delay=2.5) as server, caplog.at_level(logging.WARNING, "search"):
        settings.ELASTICSEARCH_URL = server.url
        first = get_engine().search(OfferQuery.from_querydict(querydict({"q": "python"})))
        asked = len(server.requests)
        later = [get_engine().search(OfferQuery.from_querydict(querydict({"q": "python"}))) for _ in range(3)]
        suggestions = get_engine().autocomplete("dévelop")
        assert (failures(), len(server.requests)) == (1, asked)  # resting: the cluster was not asked again

        cache.delete(BREAKER_KEY)  # the cool-down is over: the cluster is tried again
        get_engine().search(OfferQuery.from_querydict(querydict({"q": "python"})))
        assert failures() == 2

    assert asked == 1
    assert [hit.offer.title for hit in first.hits] == ["Développeur Python"]
    assert all([hit.offer.title for hit in results.hits] == ["Développeur Python"] for results in later)
    assert [suggestion.label for suggestion in suggestions] == ["Développement", "Développeur Python"]
    assert "ConnectionTimeout" in caplog.text and "laissé de côté pendant 30 s" in caplog.text


# On-commit sync -----------------------------------------------------------------------------------


@pytest.fixture
def cluster(settings):
    with loopback_elasticsearch() as server:
        settings.ELASTICSEARCH_URL = server.url
        server.aliases[es.alias_name()] = "metnum-test-offres-1"
        server.indices["metnum-test-offres-1"] = set()
        yield server


def document_requests(cluster):
    return [(method, path.rsplit("/", 1)[-1]) for method, path, _ in cluster.requests if "/_doc/" in path]


def test_publishing_indexes_the_offer_once_the_transaction_commits(cluster, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        created = JobOfferFactory(title="Développeuse Rust", published=True, skill_names=("Tokio",))
        assert document_requests(cluster) == []  # nothing before the commit

    assert ("PUT", str(created.pk)) in document_requests(cluster)
    assert str(created.pk) in cluster.indices["metnum-test-offres-1"]
    # Wagtail's database index was refreshed after the commit too: the skills are searchable.
    from search.engines.database import DatabaseEngine

    results = DatabaseEngine().search(OfferQuery.from_querydict(querydict({"q": "tokio"})))
    assert [hit.offer for hit in results.hits] == [created]


def test_nothing_is_sent_when_the_transaction_rolls_back(cluster, django_capture_on_commit_callbacks):
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        JobOfferFactory(title="Développeuse Rust", published=True)
        raise RuntimeError("annulé")

    assert callbacks == []
    assert document_requests(cluster) == []


def test_closing_an_offer_removes_it_and_renaming_its_institution_reindexes_it(
    cluster, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        created = JobOfferFactory(title="Développeuse Rust", published=True)
    cluster.requests.clear()

    with django_capture_on_commit_callbacks(execute=True):
        created.filled_at = timezone.localdate()
        created.save()
    assert document_requests(cluster) == [("DELETE", str(created.pk))]
    assert str(created.pk) not in cluster.indices["metnum-test-offres-1"]

    with django_capture_on_commit_callbacks(execute=True):
        created.filled_at = None
        created.save()
    cluster.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        created.institution.name = "Nouveau nom"
        created.institution.save()
    assert document_requests(cluster) == [("PUT", str(created.pk))]


def test_an_import_reaches_the_cluster_in_bulk_requests_not_one_request_per_offer(
    cluster, django_capture_on_commit_callbacks
):
    from demo.institutions import ensure_institutions
    from jobs.importer import import_offers

    ensure_institutions(with_logos=False)
    today = timezone.localdate()
    rows = [
        {
            "external_id": f"OFFRE-{number}",
            "title": f"Développeur·se Python {number}",
            "institution": "DINUM",
            "contract_types": "contractuel",
            "experience_level": "confirme",
            "remote": "partiel",
            "city": "Paris",
            "postal_code": "75007",
            "description": "Construire des services publics.",
            "apply_url": "https://choisirleservicepublic.gouv.fr/offre-emploi/2026-1/",
            "deadline": (today + datetime.timedelta(days=30)).isoformat(),
        }
        for number in (1, 2, 3)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        assert import_offers(rows, "test").created == 3
    imported = {str(pk) for pk in JobOffer.objects.values_list("pk", flat=True)}

    assert document_requests(cluster) == []
    assert [path for _, path, _ in cluster.requests] == ["/_bulk"]
    assert cluster.indices["metnum-test-offres-1"] == imported

    cluster.requests.clear()
    with django_capture_on_commit_callbacks(execute=True):
        assert import_offers(rows[:2], "test", close_missing=True).closed == 1
    closed = JobOffer.objects.get(external_id="OFFRE-3")

    assert document_requests(cluster) == [("DELETE", str(closed.pk))]  # one request for the one change
    assert cluster.indices["metnum-test-offres-1"] == imported - {str(closed.pk)}


def test_a_sync_failure_is_logged_and_left_to_the_daily_reconcile(settings, caplog, django_capture_on_commit_callbacks):
    settings.ELASTICSEARCH_URL = f"http://127.0.0.1:{closed_port()}"
    with caplog.at_level(logging.WARNING, logger="search"), django_capture_on_commit_callbacks(execute=True):
        JobOfferFactory(title="Développeuse Rust", published=True)

    assert "n'a pas pu être synchronisée" in caplog.text


# Lifecycle ----------------------------------------------------------------------------------------


def test_rebuild_loads_a_new_index_and_swaps_the_alias_atomically(cluster):
    first = offer("Ouverte une")
    second = offer("Ouverte deux")
    offer("Expirée", deadline=timezone.localdate() - datetime.timedelta(days=1))
    old = cluster.aliases[es.alias_name()]

    out = io.StringIO()
    call_command("search_index", "rebuild", stdout=out)

    new = cluster.aliases[es.alias_name()]
    assert new != old and new.startswith("metnum-test-offres-")
    assert cluster.indices[new] == {str(first.pk), str(second.pk)}
    assert old not in cluster.indices
    alias_calls = [json.loads(body) for method, path, body in cluster.requests if path == "/_aliases"]
    assert alias_calls == [
        {
            "actions": [
                {"remove": {"index": old, "alias": "metnum-test-offres"}},
                {"add": {"index": new, "alias": "metnum-test-offres"}},
            ]
        }
    ]
    assert "2 offres ouvertes" in out.getvalue()


def test_status_reports_the_drift_and_sync_repairs_it(cluster):
    kept = offer("Ouverte")
    missing = offer("Oubliée")
    closed = offer("Pourvue", filled_at=timezone.localdate())
    cluster.indices["metnum-test-offres-1"] = {str(kept.pk), str(closed.pk)}

    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    assert "Documents : 2 ; offres ouvertes en base : 2" in out.getvalue()
    # The test's transaction never commits: the three offers also wait for their Elasticsearch task.
    assert "Écart : 5 (1 à indexer, 1 à retirer, 3 à réindexer)" in out.getvalue()

    call_command("search_index", "sync", stdout=io.StringIO())
    assert cluster.indices["metnum-test-offres-1"] == {str(kept.pk), str(missing.pk)}
    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    assert "Écart : 0 (0 à indexer, 0 à retirer, 0 à réindexer)" in out.getvalue()


def test_synonyms_are_updated_without_reindexing(cluster):
    call_command("search_index", "synonyms", stdout=io.StringIO())

    calls = [(method, path) for method, path, _ in cluster.requests if path.startswith("/metnum-test-offres-1/")]
    assert calls == [
        ("POST", "/metnum-test-offres-1/_close"),
        ("PUT", "/metnum-test-offres-1/_settings"),
        ("POST", "/metnum-test-offres-1/_open"),
    ]
    assert not any("_bulk" in path or "/_doc/" in path for _, path, _ in cluster.requests)


def test_without_elasticsearch_the_command_works_on_the_database_index(settings):
    settings.ELASTICSEARCH_URL = ""
    offer("Ouverte")

    out = io.StringIO()
    call_command("search_index", "status", stdout=out)
    call_command("search_index", "rebuild", stdout=out)
    call_command("search_index", "sync", stdout=out)

    text = out.getvalue()
    assert "ELASTICSEARCH_URL est vide : la recherche passe par la base de données" in text
    assert "Offres ouvertes : 1" in text
    assert "1 offres indexées" in text
    assert JobOffer.objects.count() == 1


def test_autocomplete_takes_offer_titles_from_the_search_as_you_type_field(settings):
    java = offer("Développeuse Java")
    closed = offer("Développeur fermé", filled_at=timezone.localdate())
    response = {
        "hits": {"total": {"value": 2, "relation": "eq"}, "hits": [{"_id": str(closed.pk)}, {"_id": str(java.pk)}]}
    }
    with loopback_elasticsearch(search_response=response) as server:
        settings.ELASTICSEARCH_URL = server.url
        suggestions = ElasticsearchEngine().autocomplete("dével")

    assert [(s.kind, s.label) for s in suggestions] == [("metier", "Développement"), ("offre", "Développeuse Java")]
    body = search_bodies(server)[0]
    assert body["query"]["bool"]["must"]["multi_match"]["type"] == "bool_prefix"
    assert "title.sayt._2gram" in body["query"]["bool"]["must"]["multi_match"]["fields"]
