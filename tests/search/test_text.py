"""French analysis shared by the engines (search/text.py)."""

import pytest

from search.text import analyse, excerpt, highlight, one_form_text, parse_synonyms, parse_text, tokens


@pytest.mark.parametrize(
    ("word", "token"),
    [
        ("Développeuses", "developpeur"),
        ("développeurs", "developpeur"),
        ("développeur", "developpeur"),
        ("données", "donne"),
        ("donnée", "donne"),
        ("ingénieure", "ingenieur"),
        ("administratrices", "administr"),
        ("administrateur", "administr"),
        ("journaux", "journal"),
        ("l'État", "etat"),
        ("d’ingénieur", "ingenieur"),
        ("Œuvres", "oeuvr"),
    ],
)
def test_stemming_folding_and_elision(word, token):
    assert tokens(word) == [token]


@pytest.mark.parametrize(
    "forms",
    [
        ("développeur", "développeurs", "développeuse", "Développeuses"),
        ("designer", "designers"),
        ("chef", "chefs", "cheffe", "cheffes"),
        ("rédacteur", "rédactrice", "rédactrices"),
        ("administrateur", "administratrice"),
        ("conseiller", "conseillère"),
        ("ingénieur", "ingénieure", "ingénieures"),
        ("technicien", "technicienne", "techniciennes"),
        ("bureau", "bureaux"),
    ],
)
def test_plurals_and_feminine_forms_of_a_job_meet(forms):
    assert len({tuple(tokens(form)) for form in forms}) == 1, [tokens(form) for form in forms]


@pytest.mark.parametrize(("one", "other"), [("données", "donne"), ("process", "procès"), ("Paris", "pari")])
def test_words_that_only_look_like_plurals_stay_apart(one, other):
    assert tokens(one) != tokens(other)


def test_stop_words_are_dropped_but_not_the_abbreviation_si():
    assert analyse("Le chef de la DSI et du SI") == "chef dsi si"


def test_synonyms_in_solr_format():
    rules = parse_synonyms(["# commentaire", "", "dev, développeur", "rssi => responsable de la sécurité"])

    assert [[alt.text for alt in rule.sources] for rule in rules] == [["dev", "développeur"], ["rssi"]]
    assert [alt.text for alt in rules[1].targets] == ["responsable de la sécurité"]
    clause = parse_text("RSSI", rules).clauses[0]
    assert [alt.text for alt in clause.alternatives] == ["RSSI", "responsable de la sécurité"]


def test_multi_word_synonyms_are_matched_on_tokens_and_keep_the_typed_words():
    rules = parse_synonyms(["chef de projet, cheffe de projet"])

    query = parse_text("Cheffes de projets numériques", rules)

    assert [[alt.text for alt in clause.alternatives] for clause in query.clauses] == [
        ["Cheffes de projets", "chef de projet", "cheffe de projet"],
        ["numériques"],
    ]
    assert query.phrase.text == "Cheffes de projets numériques"


def test_highlight_escapes_and_marks_matched_words():
    marked = parse_text("développeur", ()).highlight_tokens

    assert highlight("<b>Développeurs</b> & co", marked) == "&lt;b&gt;<mark>Développeurs</mark>&lt;/b&gt; &amp; co"
    assert excerpt(" ".join(["mot"] * 60 + ["développeurs"] + ["fin"] * 60), marked, words=10).startswith("… ")
    assert "<mark>développeurs</mark>" in excerpt(" ".join(["mot"] * 60 + ["développeurs"]), marked, words=10)


def test_plain_text_keeps_a_space_between_paragraphs_items_and_lines():
    from metnum_site.rich_text import plain_text

    html = "<p>Des services.</p><p>Vos missions :</p><ul><li>Écrire &amp; tester</li><li>coder<br>vite</li></ul>"
    assert plain_text(html) == "Des services. Vos missions : Écrire & tester coder vite"
    assert plain_text(None) == plain_text("") == ""


# Words the search tests and the synonyms use, in the forms candidates type.
VOCABULARY = [
    "développeur", "développeurs", "développeuse", "développeuses", "développement", "données", "donnée",
    "ingénieur", "ingénieure", "ingénieurs", "administrateur", "administratrice", "réseau", "réseaux",
    "sécurité", "designer", "designers", "chef", "cheffe", "projet", "projets", "numérique", "numériques",
    "journaux", "cybersécurité", "infrastructure", "infrastructures", "analyste", "analystes", "chargée",
    "mission", "missions", "systèmes", "linux", "technicien", "technicienne", "architecte", "produit",
    "accessibilité", "télétravail", "contractuel", "contractuelle", "fonctionnaire", "stagiaire",
    "rédactrice", "rédacteurs", "conseillère", "bureaux", "process", "Paris",
]  # fmt: skip


def test_stems_are_those_of_postgresql_french_configuration():
    """The SQLite index and PostgreSQL's `french_unaccent` must agree on every stem: Snowball's French
    stemmer on folded words brought to one form (PostgreSQL gets one_form_text(), then unaccent and
    french_stem)."""
    psycopg = pytest.importorskip("psycopg")
    try:
        connection = psycopg.connect("host=127.0.0.1 port=5432 user=postgres dbname=postgres", connect_timeout=3)
    except psycopg.OperationalError:
        pytest.skip("PostgreSQL injoignable sur 127.0.0.1:5432")
    with connection, connection.cursor() as cursor:
        for word in VOCABULARY:
            cursor.execute("SELECT ts_lexize('french_stem', %s)", [one_form_text(word)])
            (lexemes,) = cursor.fetchone()
            assert tokens(word) == lexemes, word


def test_the_python_score_follows_the_ranking_of_the_engines():
    from search.ranking import score_texts

    query = parse_text("développeur python")

    def score(title="", core="", context=""):
        return score_texts(query, tokens(title), tokens(core), tokens(context))

    assert score("Développeur Python") == 13  # two title words and the phrase
    assert score("Développeuse full stack Python") == 12
    assert score("Développeur Java", core="Des scripts Python") == 8
    assert score("Designer", core="Avec les développeurs, en Python") == 4
    assert score("Développeur PHP", context="Le reste de l'équipe écrit en Python") == 7
    assert score("Développeur Java") is None  # "python" appears nowhere
