"""French analysis shared by the engines (search/text.py)."""

import pytest

from search.text import analyse, excerpt, highlight, parse_synonyms, parse_text, tokens


@pytest.mark.parametrize(
    ("word", "token"),
    [
        ("Développeuses", "developpeur"),
        ("développeur", "developpeur"),
        ("données", "donn"),
        ("donnée", "donn"),
        ("ingénieure", "ingenieur"),
        ("administratrices", "administrateur"),
        ("cheffe", "chef"),
        ("journaux", "journal"),
        ("l'État", "etat"),
        ("d’ingénieur", "ingenieur"),
        ("Œuvres", "oeuvr"),
    ],
)
def test_light_stemming_folding_and_elision(word, token):
    assert tokens(word) == [token]


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

    assert highlight("<b>Développeuse</b> & co", marked) == "&lt;b&gt;<mark>Développeuse</mark>&lt;/b&gt; &amp; co"
    assert excerpt(" ".join(["mot"] * 60 + ["développeurs"] + ["fin"] * 60), marked, words=10).startswith("… ")
    assert "<mark>développeurs</mark>" in excerpt(" ".join(["mot"] * 60 + ["développeurs"]), marked, words=10)


def test_plain_text_keeps_a_space_between_paragraphs_items_and_lines():
    from search.text import plain_text

    html = "<p>Des services.</p><p>Vos missions :</p><ul><li>Écrire &amp; tester</li><li>coder<br>vite</li></ul>"
    assert plain_text(html) == "Des services. Vos missions : Écrire & tester coder vite"
    assert plain_text(None) == plain_text("") == ""
