"""Every text of the demo reads as written by a person: no article or contraction a string template
would get wrong, no gender marker in brackets, no doubled space, and no two offers sharing a mission."""

import re
from collections import Counter

import pytest

from demo import files
from demo.offers import demo_offers, offer_rows

DATA_FILES = ["site", "institutions", "editorial", "stories", "guides", "candidates", "internal_acronyms"]
# (what is wrong, pattern): the mistakes of sentences built from fragments.
BAD_PATTERNS = [
    ("article before a masculine noun", r"\bla (?:service|département|incubateur|pôle|bureau|centre|laboratoire)\b"),
    ("article before a feminine noun", r"\ble (?:direction|mission|cellule|division|délégation|sous-direction)\b"),
    ("missing elision", r"\b(?:le|la|de|que|ne|se|je|me|te) (?!ou\b)[aeiouéèêâîôûœAEIOUÉÈÊÂÎÔÛŒ]"),
    ("missing contraction", r"\b(?:de|à) (?:le|les) "),
    ("gender marker in brackets", r"\((?:e|s|es|ne|le|ice|rice|euse)\)"),
    ("middle-dot marker (the demo spells out both forms)", r"·"),
    ("doubled space", r"  "),
    ("space before a comma or a full stop", r" [,.]"),
    ("no space before a French colon, semicolon, question or exclamation mark", r"[\wÀ-ÿ»)][:;?!](?=\s|$)"),
]


def strings(value):
    """Every string in a parsed data file, however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def demo_texts():
    for name in DATA_FILES:
        for text in strings(files.read(name)):
            yield name, text
    for institution, offer in demo_offers():
        for text in strings(offer):
            yield f"offers/{institution}.yaml ({offer['id']})", text


@pytest.mark.parametrize("problem, pattern", BAD_PATTERNS, ids=[problem for problem, _ in BAD_PATTERNS])
def test_no_demo_text_has_a_templating_mistake(problem, pattern):
    found = [(where, text) for where, text in demo_texts() if re.search(pattern, text)]

    assert not found, f"{problem} :\n" + "\n".join(f"{where}: {text}" for where, text in found)


def test_the_scan_reads_every_demo_text():
    texts = [text for _, text in demo_texts()]

    assert len(texts) > 3000
    assert "Déclaration d'accessibilité" in texts  # site.yaml
    assert "Développeur ou développeuse Go – Échanges de données entre administrations" in texts  # an offer


def test_the_patterns_catch_the_mistakes_of_the_old_generator():
    generated = [
        "Au sein de la département des systèmes d'information, vous rejoignez une équipe.",
        "Au sein de la incubateur de services numériques, vous rejoignez une équipe.",
        "Au sein de la service de l'hébergement, vous rejoignez une équipe.",
        "Vous êtes attentif·ve à la qualité et curieux(se)",
        "Les missions de le pôle data  et à les usagers",
    ]
    for sentence in generated:
        assert any(re.search(pattern, sentence) for _, pattern in BAD_PATTERNS), sentence


def test_every_offer_has_missions_and_a_context_of_its_own():
    offers = [offer for _, offer in demo_offers()]
    missions = Counter(mission for offer in offers for mission in offer["missions"])
    contexts = Counter(offer["context"] for offer in offers)

    assert [mission for mission, count in missions.items() if count > 1] == []
    assert [context for context, count in contexts.items() if count > 1] == []
    assert all(len(offer["missions"]) >= 3 and len(offer["profile"]) >= 2 for offer in offers)


def test_offer_texts_are_plain_strings():
    """A French colon in an unquoted YAML list item turns the item into a mapping: catch it here."""
    for _, offer in demo_offers():
        for field in ("title", "context", "city", "postal_code", "reference"):
            assert isinstance(offer[field], str), (offer["id"], field)
        for field in ("missions", "profile", "skills"):
            assert all(isinstance(item, str) for item in offer[field]), (offer["id"], field)


def test_benefits_match_each_offer_remote_work():
    rows = {row["external_id"]: row for row in offer_rows()}
    for _, offer in demo_offers():
        benefits = rows[offer["id"]]["benefits"].lower()
        if offer["remote"] == "aucun":
            assert "télétravail" not in benefits, offer["id"]
        elif offer["remote"] == "total":
            assert "à distance" in benefits or "télétravail complet" in benefits, offer["id"]
