"""The quality rules of an offer (jobs/quality.py): each one passes on a well-written offer and fails,
with a fix in French, on an offer crafted to break it."""

import datetime

import pytest

from jobs import quality

PUBLISHED = datetime.date(2026, 12, 4)
MISSIONS = "<p>" + " ".join(["Concevoir des services publics numériques utiles et accessibles."] * 10) + "</p>"
PROFILE = "<ul>" + "".join(f"<li>Compétence attendue numéro {n} pour ce poste</li>" for n in range(12)) + "</ul>"


def good_offer(**changes):
    values = {
        "title": "Développeuse ou développeur Python",
        "salary_min": 45_000,
        "salary_max": 55_000,
        "remote": "partiel",
        "city": "Saint-Denis",
        "postal_code": "93200",
        "missions": MISSIONS,
        "team_context": "<p>Une équipe de huit personnes.</p>",
        "profile": PROFILE,
        "benefits": "<p>Télétravail deux jours par semaine.</p>",
        "process": "",
        "apply_url": "https://candidature.example.gouv.fr/offre",
        "apply_email": "",
        "deadline": PUBLISHED + datetime.timedelta(days=30),
        "skills": ["Python", "Django", "PostgreSQL"],
    }
    return {**values, **changes}


def check(code, values, acronyms=()):
    result = quality.evaluate(values, PUBLISHED, acronyms=list(acronyms))
    return next(found for found in result.checks if found.code == code)


def assert_fails(code, values, fix_words, acronyms=()):
    found = check(code, values, acronyms)
    assert not found.passed
    assert fix_words in found.fix


def test_a_well_written_offer_passes_every_rule_and_scores_100():
    result = quality.evaluate(good_offer(), PUBLISHED, acronyms=[("SGAMI", "secrétariat général")])
    assert [found.code for found in result.failed] == []
    assert result.score == 100
    assert result.band == quality.QualityBand.EXCELLENT


def test_salary_passes_with_a_single_figure_and_fails_without_any():
    assert check("salaire", good_offer(salary_max=None)).passed
    assert_fails("salaire", good_offer(salary_min=None, salary_max=None), "fourchette")


def test_remote_work_partial_needs_its_rhythm_stated():
    assert check("teletravail", good_offer(remote="aucun", benefits="")).passed
    assert check("teletravail", good_offer(remote="total", benefits="")).passed
    assert_fails("teletravail", good_offer(benefits="<p>Restauration collective.</p>"), "deux jours par semaine")
    assert_fails("teletravail", good_offer(remote=None), "Choisissez le télétravail")


def test_internal_acronyms_in_the_title_fail_unless_spelled_out():
    acronyms = [("SGAMI", "secrétariat général pour l'administration du ministère de l'Intérieur")]
    assert check("sigles", good_offer(title="Responsable réseau au SGAMI"), acronyms).passed is False
    assert_fails("sigles", good_offer(title="Responsable réseau au SGAMI"), "en toutes lettres", acronyms)
    explained = "Responsable réseau au SGAMI (secrétariat général pour l'administration du ministère de l'Intérieur)"
    assert check("sigles", good_offer(title=explained), acronyms).passed
    assert check("sigles", good_offer(title="Responsable réseau"), acronyms).passed


@pytest.mark.parametrize(
    "title",
    [
        "Développeuse ou développeur back-end",
        "Responsable de la sécurité des systèmes d'information",
        "Chef·fe de projet numérique",
        "Cheffe ou chef de projet",
        "Architecte cloud",
        "Ingénieure ou ingénieur DevOps",
    ],
)
def test_inclusive_or_epicene_titles_pass(title):
    assert check("intitule_inclusif", good_offer(title=title)).passed


def test_a_masculine_only_title_fails_with_the_feminine_form_suggested():
    assert_fails("intitule_inclusif", good_offer(title="Développeur Python"), "« Développeuse ou développeur Python »")
    assert_fails("intitule_inclusif", good_offer(title="Chef de projet H/F"), "« Cheffe ou chef de projet »")


def test_description_must_be_long_enough_but_not_too_long():
    assert_fails("description_longueur", good_offer(missions="<p>Coder.</p>", profile=""), "au moins 150 mots")
    wall_of_lists = "<ul>" + "<li>mot " * 1100 + "</ul>"
    assert_fails("description_longueur", good_offer(profile=wall_of_lists), "sous 1000 mots")


def test_description_fails_as_a_wall_of_text():
    wall = "<p>" + "mot " * 160 + "</p>"
    assert_fails("description_structure", good_offer(missions=wall), "160 mots")
    paragraphs = "".join("<p>" + "mot " * 60 + "</p>" for _ in range(5))
    assert_fails("description_structure", good_offer(missions=paragraphs, profile=""), "liste à puces")
    assert check("description_structure", good_offer()).passed


def test_at_least_three_skills():
    assert_fails("competences", good_offer(skills=["Python", "Django"]), "2 compétences indiquées")
    assert check("competences", good_offer(skills=["Python", "Django", "Git", "SQL"])).passed


def test_location_needs_a_commune_and_a_postal_code():
    assert_fails("lieu", good_offer(postal_code=""), "code postal")
    assert_fails("lieu", good_offer(city="Île-de-France"), "pas seulement une région")
    assert_fails("lieu", good_offer(city="Seine-Saint-Denis"), "pas seulement une région")
    assert_fails("lieu", good_offer(city=""), "commune")
    assert check("lieu", good_offer(city="Paris", postal_code="75007")).passed


def test_deadline_three_weeks_after_publication():
    assert check("date_limite", good_offer(deadline=PUBLISHED + datetime.timedelta(days=21))).passed
    assert_fails("date_limite", good_offer(deadline=PUBLISHED + datetime.timedelta(days=20)), "25 décembre 2026")
    assert_fails("date_limite", good_offer(deadline=None), "trois semaines")


def test_an_application_path_is_needed():
    assert check("candidature", good_offer(apply_url="", apply_email="recrutement@example.gouv.fr")).passed
    assert_fails("candidature", good_offer(apply_url="", apply_email=""), "onglet « Candidature »")
    # An institution that receives its applications on this site needs no outside address.
    assert check("candidature", good_offer(apply_url="", apply_email="", applies_here=True)).passed


def test_score_is_the_share_of_rules_passed_and_falls_in_a_band():
    result = quality.evaluate(good_offer(salary_min=None, salary_max=None, apply_url=""), PUBLISHED, acronyms=[])
    assert result.score == 80
    assert result.band == quality.QualityBand.EXCELLENT
    assert quality.score_band(79) == quality.QualityBand.FAIR
    assert quality.score_band(49) == quality.QualityBand.TO_IMPROVE
    assert quality.score_band(None) is None
    assert quality.band_range(quality.QualityBand.FAIR) == (50, 79)
