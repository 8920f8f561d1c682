"""What a candidate notices of the offer search, the same on every engine (see conftest.search)."""

import datetime

import pytest
from django.utils import timezone

from jobs.models import JobOffer
from search.models import SynonymGroup
from search.query import PAGE_SIZE
from tests.factories import profession
from tests.search.conftest import institution, offer

pytestmark = pytest.mark.django_db


def facet_counts(results, name):
    facet = results.facet(name)
    return {value.value: value.count for value in facet.values} if facet else None


# Text relevance ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("developpeur", ["Développeur Python"]),  # accents…
        ("DÉVELOPPEUR", ["Développeur Python"]),  # …and case ignored
        ("développeurs", ["Développeur Python"]),  # plural
        ("donnée", ["Ingénieure données"]),
        ("données", ["Ingénieure données"]),
        ("ingénieur", ["Ingénieure données", "Poste d'ingénieur réseaux"]),  # feminine form
        ("d'ingénieur", ["Ingénieure données", "Poste d'ingénieur réseaux"]),  # elision
        ("État", ["Chargée de mission"]),
        ("l'Etat", ["Chargée de mission"]),
    ],
)
def test_accents_case_plurals_feminine_forms_and_elision(search, typed, found):
    offer("Développeur Python")
    offer("Ingénieure données", missions="<p>Vous fiabilisez une donnée publique.</p>")
    offer("Poste d'ingénieur réseaux")
    offer("Chargée de mission", missions="<p>Vous modernisez les services de l'État.</p>")
    offer("Gestionnaire de paie")

    assert sorted(search.titles(q=typed)) == found


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("dev", "Développeuse back-end"),
        ("data", "Ingénieur des données"),
        ("RSSI", "Responsable de la sécurité des systèmes d'information"),
        ("responsable de la sécurité des systèmes d'information", "RSSI adjoint"),
        ("UX", "Designer de services"),
        ("PO", "Product owner"),
        ("chef de projet", "Cheffe de projet"),
        ("DSI", "Directrice des systèmes d'information"),
    ],
)
def test_synonyms_and_abbreviations_from_the_synonyms_file(search, typed, found):
    for title in [
        "Développeuse back-end",
        "Ingénieur des données",
        "Responsable de la sécurité des systèmes d'information",
        "RSSI adjoint",
        "Designer de services",
        "Product owner",
        "Cheffe de projet",
        "Directrice des systèmes d'information",
    ]:
        offer(title, missions="<p>Rejoignez une équipe engagée.</p>")
    offer("Gestionnaire de paie", missions="<p>Rejoignez une équipe engagée.</p>")

    assert found in search.titles(q=typed)
    assert "Gestionnaire de paie" not in search.titles(q=typed)


def test_synonyms_added_in_the_admin_apply_without_reindexing(search, django_capture_on_commit_callbacks):
    offer("Analyste SOC")
    assert search.titles(q="vigie") == []

    # As the editorial team saves it; Elasticsearch gets its analyzer settings, no document reindexed.
    with django_capture_on_commit_callbacks(execute=True):
        SynonymGroup.objects.create(terms="vigie, soc")

    assert search.titles(q="vigie") == ["Analyste SOC"]


def test_title_ranks_above_body_and_an_exact_title_phrase_above_both(search):
    # Publication dates in the opposite order, so that recency cannot explain the ranking.
    offer("Technicien support", missions="<p>Administrateur systèmes Linux en renfort.</p>", days_ago=1)
    offer("Administrateur réseau", missions="<p>Vous gérez des systèmes Linux.</p>", days_ago=2)
    offer("Linux : administrateur des systèmes", days_ago=3)
    offer("Administrateur systèmes Linux", days_ago=4)

    assert search.titles(q="administrateur systèmes linux") == [
        "Administrateur systèmes Linux",
        "Linux : administrateur des systèmes",
        "Administrateur réseau",
        "Technicien support",
    ]


def test_a_title_word_beats_the_core_of_the_job_which_beats_a_passing_mention(search):
    # Newest first among equals: the dates run against the expected order.
    offer("Chargée de communication", team_context="<p>Les développeurs du pôle vous sollicitent.</p>", days_ago=1)
    offer("Designer de services", missions="<p>Vous travaillez avec des développeuses.</p>", days_ago=2)
    offer("Développeuse Python", profession=profession("design"), days_ago=3)

    assert search.titles(q="développeur") == [
        "Développeuse Python",  # title
        "Designer de services",  # missions: the core of the job
        "Chargée de communication",  # the team's context
    ]


def test_each_word_counts_where_it_appears_best(search):
    offer("Intégrateur web", missions="<p>Python et Django au quotidien, avec les autres développeurs.</p>", days_ago=1)
    offer("Développeur Java", missions="<p>Des scripts Python à reprendre.</p>", days_ago=2)
    offer("Développeur PHP", team_context="<p>Le reste de l'équipe écrit en Python.</p>", days_ago=3)
    offer("Développeur Python", days_ago=4)

    assert search.titles(q="développeur python") == [
        "Développeur Python",
        "Développeur Java",  # title + core
        "Développeur PHP",  # title + context
        "Intégrateur web",  # core + core: no title word
    ]


@pytest.mark.parametrize(
    ("typed", "title"),
    [
        ("développeuses", "Développeur back-end"),
        ("designers", "Designer d'interfaces"),
        ("cheffe de projet", "Chef de projet applicatif"),
        ("rédacteurs", "Rédactrice web"),
        ("administratrice", "Administrateur de bases"),
        ("techniciennes", "Technicien de proximité"),
    ],
)
def test_plurals_and_feminine_forms_find_the_job(search, typed, title):
    offer(title, profession=profession("autres"))
    offer("Comptable", profession=profession("autres"))

    assert search.titles(q=typed) == [title]


def test_place_contract_remote_work_and_experience_are_searchable_words(search):
    offer("Analyste à Lyon", city="Lyon", postal_code="69003", remote="aucun", experience_level="senior")
    offer(
        "Apprenti à Brest",
        city="Brest",
        postal_code="29200",
        remote="total",
        contract_codes=("apprentissage",),
        experience_level="debutant",
    )
    offer("Administratrice", city="Lille", postal_code="59000", remote="partiel")

    assert search.titles(q="lyon") == ["Analyste à Lyon"]
    assert search.titles(q="auvergne rhône alpes") == ["Analyste à Lyon"]
    assert search.titles(q="finistère") == ["Apprenti à Brest"]
    assert search.titles(q="alternance") == ["Apprenti à Brest"]
    assert search.titles(q="débutant") == ["Apprenti à Brest"]
    assert search.titles(q="senior") == ["Analyste à Lyon"]
    # "Pas de télétravail" is not a match for "télétravail".
    assert sorted(search.titles(q="télétravail")) == ["Administratrice", "Apprenti à Brest"]
    assert search.titles(q="télétravail total") == ["Apprenti à Brest"]


def test_skills_count_as_title(search):
    offer("Ingénieure cloud", missions="<p>Vous exploitez la plateforme.</p>", days_ago=5)
    offer("Ingénieur systèmes", skill_names=("Kubernetes", "Terraform"), days_ago=3)
    offer("Chargé d'exploitation", missions="<p>Notre plateforme tourne sur Kubernetes.</p>", days_ago=1)

    assert search.titles(q="kubernetes") == ["Ingénieur systèmes", "Chargé d'exploitation"]


def test_matched_words_are_highlighted_in_title_and_excerpt(search):
    offer("Développeuse <script>", missions="<p>Vous développez des API pour les données de santé.</p>")

    hit = search(q="développeuse données").hits[0]

    assert "<mark>Développeuse</mark>" in hit.title_html
    assert "&lt;script&gt;" in hit.title_html
    assert "<mark>données</mark>" in hit.excerpt_html


# Facets -------------------------------------------------------------------------------------------


@pytest.fixture
def spread(db):
    """Six open offers spread over every facet, one closed offer that no count may include."""
    dinum, anssi = institution("dinum", "Direction interministérielle du numérique"), institution("anssi", "ANSSI")
    offer(
        "Développeur Python",
        institution=dinum,
        contract_codes=("titulaire_ou_contractuel",),
        category="a",
        experience_level="confirme",
        postal_code="75007",
        remote="partiel",
    )
    offer(
        "Développeuse Java",
        institution=dinum,
        contract_codes=("contractuel", "freelance"),
        category="b",
        experience_level="senior",
        postal_code="69003",
        remote="total",
    )
    offer(
        "Analyste sécurité",
        institution=anssi,
        profession=profession("securite"),
        contract_codes=("stage",),
        category="a",
        experience_level="debutant",
        postal_code="78000",
        remote="aucun",
    )
    offer(
        "Auditrice sécurité",
        institution=anssi,
        profession=profession("securite"),
        contract_codes=("contractuel",),
        category="aplus",
        experience_level="expert",
        postal_code="31000",
        remote="partiel",
    )
    offer("Data analyst", institution=dinum, category="", postal_code="35000", remote="partiel")
    offer("Data engineer", institution=anssi, category="c", postal_code="75007", remote="total")
    offer(
        "Développeur fermé",
        institution=dinum,
        postal_code="75007",
        deadline=timezone.localdate() - datetime.timedelta(days=1),
    )


def test_every_facet_counts_the_open_offers(search, spread):
    results = search()

    assert results.total == 6
    assert facet_counts(results, "institution") == {"dinum": 3, "anssi": 3}
    assert facet_counts(results, "metier") == {"developpement": 4, "securite": 2}
    assert facet_counts(results, "contrat") == {
        "titulaire_ou_contractuel": 3,
        "contractuel": 2,
        "freelance": 1,
        "stage": 1,
    }
    assert facet_counts(results, "categorie") == {"a": 2, "b": 1, "aplus": 1, "c": 1}
    assert facet_counts(results, "experience") == {"confirme": 3, "senior": 1, "debutant": 1, "expert": 1}
    assert facet_counts(results, "region") == {"11": 3, "84": 1, "76": 1, "53": 1}
    assert facet_counts(results, "teletravail") == {"partiel": 3, "total": 2, "aucun": 1}
    assert results.facet("departement") is None  # only once a région is chosen


@pytest.mark.parametrize(
    ("params", "titles"),
    [
        ({"institution": "anssi"}, {"Analyste sécurité", "Auditrice sécurité", "Data engineer"}),
        ({"metier": "securite"}, {"Analyste sécurité", "Auditrice sécurité"}),
        ({"contrat": "contractuel"}, {"Développeuse Java", "Auditrice sécurité"}),
        ({"categorie": "aplus"}, {"Auditrice sécurité"}),
        ({"experience": "debutant"}, {"Analyste sécurité"}),
        ({"region": "11"}, {"Développeur Python", "Analyste sécurité", "Data engineer"}),
        ({"region": "11", "departement": "78"}, {"Analyste sécurité"}),
        ({"teletravail": "total"}, {"Développeuse Java", "Data engineer"}),
        ({"teletravail": ["total", "aucun"]}, {"Développeuse Java", "Data engineer", "Analyste sécurité"}),
        ({"q": "data", "institution": "anssi"}, {"Data engineer"}),
    ],
)
def test_each_facet_filters_the_results(search, spread, params, titles):
    results = search(**params)

    assert {hit.offer.title for hit in results.hits} == titles
    assert results.total == len(titles)


def test_counts_are_disjunctive_within_a_facet_and_conjunctive_across_facets(search, spread):
    results = search(region="11", teletravail=["partiel", "total"])

    assert results.total == 2  # Paris partiel, Paris total
    # A facet's own selection does not narrow its counts: other régions keep theirs…
    assert facet_counts(results, "region") == {"11": 2, "84": 1, "76": 1, "53": 1}
    assert facet_counts(results, "teletravail") == {"partiel": 1, "total": 1, "aucun": 1}
    # …while the other facets count only the offers matching both selections.
    assert facet_counts(results, "institution") == {"dinum": 1, "anssi": 1}
    assert facet_counts(results, "departement") == {"75": 2}
    assert results.facet("region").total_without_selection == 5
    assert [value.value for value in results.facet("region").values if value.selected] == ["11"]


def facet_values_of(offer):
    """{facet: the values an offer has in it}, read from the offer as a candidate sees it."""
    return {
        "institution": {offer.institution.slug},
        "metier": {offer.profession.slug},
        "contrat": {contract.code for contract in offer.contract_types.all()},
        "categorie": {offer.category},
        "experience": {offer.experience_level},
        "region": {offer.region_code},
        "teletravail": {offer.remote},
    }


@pytest.mark.parametrize(
    "selections",
    [
        {"institution": ["dinum"], "categorie": ["a", "b"], "teletravail": ["partiel", "aucun"]},
        {"metier": ["developpement"], "region": ["11", "84"], "experience": ["confirme", "debutant"]},
        {"contrat": ["contractuel", "stage"], "institution": ["anssi"], "teletravail": ["total"], "categorie": ["a"]},
    ],
)
def test_with_several_filters_each_facet_counts_the_offers_matching_all_the_others(search, spread, selections):
    """An offer that misses two selections counts nowhere; one that misses only facet F's selection
    still counts in F (the engine drops the first kind early: this checks it drops no other)."""
    results = search(**selections)

    offers = [
        facet_values_of(offer)
        for offer in JobOffer.objects.open()
        .select_related("institution", "profession")
        .prefetch_related("contract_types")
    ]

    def matches(values, facet):
        return bool(values[facet] & set(selections[facet]))

    for name in selections:
        expected = {}
        for values in offers:
            if all(matches(values, other) for other in selections if other != name):
                for value in values[name] - {""}:  # an offer without a category is counted in no value
                    expected[value] = expected.get(value, 0) + 1
        counted = {value: count for value, count in facet_counts(results, name).items() if count}
        assert counted == expected, name
    assert results.total == sum(all(matches(values, name) for name in selections) for values in offers)


def test_selected_values_stay_visible_at_zero_and_values_are_ordered_by_count(search, spread):
    results = search(q="data", categorie="b")

    assert results.total == 0
    categories = results.facet("categorie").values
    assert [(value.value, value.count, value.selected) for value in categories] == [
        ("b", 0, True),
        ("c", 1, False),
    ] or [(value.value, value.count, value.selected) for value in categories] == [
        ("c", 1, False),
        ("b", 0, True),
    ]
    assert categories[0].count >= categories[-1].count
    assert results.relaxation.name == "categorie"
    assert results.relaxation.total == 2


# Sorting, salary, recency, pages --------------------------------------------------------------------


def test_sorting_by_date_deadline_salary_and_relevance(search):
    today = timezone.localdate()
    offer("Ancienne", days_ago=9, deadline=today + datetime.timedelta(days=3), salary_min=40_000, salary_max=60_000)
    offer("Récente", days_ago=1, deadline=today + datetime.timedelta(days=30), salary_min=65_000)
    offer("Moyenne", days_ago=5, deadline=today + datetime.timedelta(days=10))
    offer("Urgente", days_ago=7, deadline=today, salary_min=30_000, salary_max=45_000)

    assert search.titles() == ["Récente", "Moyenne", "Urgente", "Ancienne"]  # date is the default
    assert search.titles(tri="echeance") == ["Urgente", "Ancienne", "Moyenne", "Récente"]
    # Highest salary first: the maximum, or the minimum when there is no maximum; no salary last.
    assert search.titles(tri="salaire") == ["Récente", "Ancienne", "Urgente", "Moyenne"]


def test_relevance_is_the_default_with_text_and_date_sorts_text_results_too(search):
    offer("Chargé de mission", missions="<p>Animer la communauté data.</p>", days_ago=1)
    offer("Data scientist", days_ago=5)

    assert search.titles(q="data") == ["Data scientist", "Chargé de mission"]
    assert search.titles(q="data", tri="date") == ["Chargé de mission", "Data scientist"]


def test_minimum_salary_keeps_offers_whose_maximum_or_minimum_reaches_it(search):
    offer("Fourchette haute", salary_min=40_000, salary_max=50_000)
    offer("Minimum seul", salary_min=55_000)
    offer("Fourchette basse", salary_min=30_000, salary_max=45_000)
    offer("Sans salaire")

    assert set(search.titles(salaire_min=48_000)) == {"Fourchette haute", "Minimum seul"}
    assert len(search.titles()) == 4  # without the filter, offers without salary are listed too


def test_recency_keeps_offers_published_within_the_period(search):
    offer("Du jour", days_ago=0)
    offer("De la semaine", days_ago=6)
    offer("Du mois", days_ago=20)
    offer("Ancienne", days_ago=45)

    assert set(search.titles(publiee=7)) == {"Du jour", "De la semaine"}
    assert set(search.titles(publiee=30)) == {"Du jour", "De la semaine", "Du mois"}


def test_twenty_per_page_and_a_page_past_the_last_shows_the_last(search):
    for number in range(PAGE_SIZE * 2 + 3):
        offer(f"Offre numéro {number}", days_ago=number % 40)

    first, last = search(page=1), search(page=99)

    assert len(first.hits) == PAGE_SIZE and first.page_count == 3
    assert last.page == 3 and len(last.hits) == 3
    assert {hit.offer.pk for hit in last.hits}.isdisjoint(hit.offer.pk for hit in first.hits)
    assert last.page_obj.number == 3 and not last.page_obj.has_next()


def test_closed_offers_are_never_shown_nor_counted(search):
    today = timezone.localdate()
    offer("Développeuse ouverte")
    offer("Développeuse expirée", deadline=today - datetime.timedelta(days=1))
    offer("Développeuse pourvue", filled_at=today)
    offer("Développeuse brouillon", published=False)
    withdrawn = offer("Développeuse retirée")
    withdrawn.unpublish()
    scheduled = offer("Développeuse programmée")
    type(scheduled).objects.filter(pk=scheduled.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=2))

    results = search(q="développeuse")

    assert [hit.offer.title for hit in results.hits] == ["Développeuse ouverte"]
    assert results.total == 1
    assert sum(facet_counts(results, "institution").values()) == 1


def test_feeds_can_ask_for_more_than_a_page(search):
    for number in range(PAGE_SIZE + 5):
        offer(f"Offre numéro {number}", days_ago=number)

    results = search(size=50)

    assert len(results.hits) == PAGE_SIZE + 5
    assert results.hits[0].offer.title == "Offre numéro 0"


def test_the_feeds_list_keeps_text_and_filters_newest_first_whatever_the_sort(search):
    for number in range(PAGE_SIZE + 3):
        offer(f"Développeuse numéro {number}", days_ago=number, city="Paris", postal_code="75013")
    offer("Développeur en Bretagne", days_ago=0, city="Rennes", postal_code="35000")
    offer("Développeur parti", days_ago=0, city="Paris", postal_code="75007", filled_at=timezone.localdate())
    offer("Chargée de mission francilienne", days_ago=0, city="Paris", postal_code="75007")

    newest = search.newest(size=50, q="développeur", region="11", tri="salaire", page="3")

    assert [found.title for found in newest] == [f"Développeuse numéro {number}" for number in range(PAGE_SIZE + 3)]
    assert [found.title for found in search.newest(size=5, region="11")][:2] == [
        "Chargée de mission francilienne",
        "Développeuse numéro 0",
    ]
    assert len(search.newest(size=5)) == 5
