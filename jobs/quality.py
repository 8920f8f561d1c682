"""The quality score of a job offer: plain rules that coach editors (docs/quality.md).

Each rule reads a mapping of the offer's values (`offer_values` for an offer, `form_values` for an
admin form being typed) and answers whether it passes and, when it fails, how to fix it. The score
is the share of rules passed, from 0 to 100, and falls in a band (`score_band`). The admin editor,
its live endpoint, the listing and the importer all use these functions: nothing is computed
elsewhere."""

import datetime
import re
import unicodedata
from dataclasses import dataclass

from django.db import models
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import strip_tags

from . import geography
from .choices import RemoteWork

# Description thresholds, in words (all description fields together).
DESCRIPTION_MIN_WORDS = 150
DESCRIPTION_MAX_WORDS = 1000
# A paragraph or list item longer than this reads as a wall of text.
BLOCK_MAX_WORDS = 100
# Past this length, the description needs at least one bulleted or numbered list.
LIST_NEEDED_FROM_WORDS = 250
MIN_SKILLS = 3
MIN_APPLICATION_DAYS = 21

DESCRIPTION_FIELDS = ("missions", "team_context", "profile", "benefits", "process")
VALUE_FIELDS = (
    "title",
    "salary_min",
    "salary_max",
    "remote",
    "city",
    "postal_code",
    *DESCRIPTION_FIELDS,
    "apply_url",
    "apply_email",
    "deadline",
)

# Common masculine job nouns and their feminine form. Epicene nouns (responsable, architecte,
# analyste, gestionnaire, juriste…) need nothing and are not listed.
FEMININE_FORMS = {
    "adjoint": "adjointe",
    "administrateur": "administratrice",
    "agent": "agente",
    "animateur": "animatrice",
    "apprenti": "apprentie",
    "auditeur": "auditrice",
    "chargé": "chargée",
    "chef": "cheffe",
    "concepteur": "conceptrice",
    "consultant": "consultante",
    "contrôleur": "contrôleuse",
    "conseiller": "conseillère",
    "coordinateur": "coordinatrice",
    "coordonnateur": "coordonnatrice",
    "délégué": "déléguée",
    "développeur": "développeuse",
    "directeur": "directrice",
    "expert": "experte",
    "formateur": "formatrice",
    "ingénieur": "ingénieure",
    "inspecteur": "inspectrice",
    "intégrateur": "intégratrice",
    "officier": "officière",
    "opérateur": "opératrice",
    "programmeur": "programmeuse",
    "rédacteur": "rédactrice",
    "technicien": "technicienne",
    "testeur": "testeuse",
}
# Words of a title: letters, digits, hyphens, apostrophes and the middle dot of « chef·fe ».
TITLE_WORD = re.compile(r"[\w'’·.-]+")
RHYTHM_WORDS = re.compile(r"\b(jours?|semaines?|mois|\d+\s*%)", re.IGNORECASE)
# Places that are not a place of work.
VAGUE_PLACES = {"france", "france entiere", "plusieurs sites", "teletravail", "a distance", "multisite"}


class QualityBand(models.TextChoices):
    TO_IMPROVE = "a_ameliorer", "À améliorer"
    FAIR = "correcte", "Correcte"
    EXCELLENT = "excellente", "Excellente"


# The lowest score of each band.
BAND_FLOORS = {QualityBand.TO_IMPROVE: 0, QualityBand.FAIR: 50, QualityBand.EXCELLENT: 80}


def score_band(score):
    """The QualityBand of a score (0–100), or None for an offer not scored yet."""
    if score is None:
        return None
    return max((band for band, floor in BAND_FLOORS.items() if score >= floor), key=BAND_FLOORS.get)


def band_range(band):
    """(lowest, highest) score of a band, both included, for filtering stored scores."""
    floors = sorted(BAND_FLOORS.values())
    floor = BAND_FLOORS[QualityBand(band)]
    higher = [value for value in floors if value > floor]
    return floor, (higher[0] - 1 if higher else 100)


@dataclass(frozen=True)
class Check:
    code: str
    label: str
    passed: bool
    fix: str = ""


def _plain(text):
    text = unicodedata.normalize("NFKD", (text or "").lower())
    return "".join(char for char in text if not unicodedata.combining(char))


def _words(html):
    return strip_tags(html or "").split()


def _blocks(html):
    """The text of each paragraph, list item or heading of a rich text."""
    parts = re.split(r"</?(?:p|li|h\d|ul|ol|br)\b[^>]*>", html or "", flags=re.IGNORECASE)
    return [strip_tags(part).split() for part in parts if strip_tags(part).strip()]


def check_salary(values, context):
    label = "Salaire affiché"
    if values.get("salary_min") or values.get("salary_max"):
        return Check("salaire", label, True)
    fix = (
        "Indiquez un salaire annuel brut, ou une fourchette (minimum et maximum), dans l'onglet « Conditions & lieu »."
    )
    return Check("salaire", label, False, fix)


def check_remote(values, context):
    label = "Télétravail précisé"
    remote = values.get("remote")
    if remote not in RemoteWork.values:
        return Check(
            "teletravail", label, False, "Choisissez le télétravail possible dans l'onglet « Conditions & lieu »."
        )
    if remote == RemoteWork.PARTIEL:
        text = " ".join(strip_tags(values.get(name) or "") for name in DESCRIPTION_FIELDS)
        if not RHYTHM_WORDS.search(text):
            fix = (
                "Le télétravail est partiel : précisez son rythme dans la description, par exemple "
                "« deux jours par semaine » dans les avantages."
            )
            return Check("teletravail", label, False, fix)
    return Check("teletravail", label, True)


def check_acronyms(values, context):
    label = "Intitulé sans sigle interne"
    title = values.get("title") or ""
    words = {word.strip(".-'’") for word in TITLE_WORD.findall(title)}
    for acronym, meaning in context["acronyms"]:
        if acronym in words and _plain(meaning) not in _plain(title):
            fix = (
                f"« {acronym} » est un sigle interne que les candidates et candidats ne connaissent pas : "
                f"écrivez-le en toutes lettres (« {meaning} ») ou retirez-le de l'intitulé."
            )
            return Check("sigles", label, False, fix)
    return Check("sigles", label, True)


def _capitalized_like(word, model):
    return word[:1].upper() + word[1:] if model[:1].isupper() else word


def check_inclusive_title(values, context):
    """« Développeuse ou développeur », « Chef·fe », an epicene noun (« Responsable ») pass; a
    masculine noun alone fails, « H/F » included: the title still reads masculine."""
    label = "Intitulé inclusif ou neutre"
    title = values.get("title") or ""
    words = TITLE_WORD.findall(title)
    lowered = {word.lower() for word in words}
    for word in words:
        feminine = FEMININE_FORMS.get(word.lower())
        if feminine is None or feminine in lowered:
            continue
        doubled = f"{_capitalized_like(feminine, word)} ou {word.lower()}"
        suggestion = re.sub(r"\s*\(?\b[HF]\s*/\s*[HF]\b\)?", "", title.replace(word, doubled, 1)).strip()
        fix = (
            f"« {word} » est au masculin seul (« H/F » ne suffit pas) : écrivez par exemple « {suggestion} », "
            "ou choisissez un nom épicène (« Responsable… »)."
        )
        return Check("intitule_inclusif", label, False, fix)
    return Check("intitule_inclusif", label, True)


def check_description_length(values, context):
    label = "Description ni trop courte ni trop longue"
    count = sum(len(_words(values.get(name))) for name in DESCRIPTION_FIELDS)
    if count < DESCRIPTION_MIN_WORDS:
        fix = (
            f"La description compte {count} mots : visez au moins {DESCRIPTION_MIN_WORDS} mots, en décrivant "
            "les missions, l'équipe et le profil recherché."
        )
        return Check("description_longueur", label, False, fix)
    if count > DESCRIPTION_MAX_WORDS:
        fix = (
            f"La description compte {count} mots : restez sous {DESCRIPTION_MAX_WORDS} mots en gardant "
            "l'essentiel pour les candidates et candidats."
        )
        return Check("description_longueur", label, False, fix)
    return Check("description_longueur", label, True)


def check_description_structure(values, context):
    label = "Description aérée"
    longest = max((len(block) for name in DESCRIPTION_FIELDS for block in _blocks(values.get(name))), default=0)
    if longest > BLOCK_MAX_WORDS:
        fix = (
            f"Un paragraphe compte {longest} mots : coupez les paragraphes de plus de {BLOCK_MAX_WORDS} mots, "
            "ou passez-les en liste à puces."
        )
        return Check("description_structure", label, False, fix)
    html = "".join(values.get(name) or "" for name in DESCRIPTION_FIELDS)
    count = sum(len(_words(values.get(name))) for name in DESCRIPTION_FIELDS)
    if count > LIST_NEEDED_FROM_WORDS and not re.search(r"<(ul|ol)\b", html, re.IGNORECASE):
        fix = "Au-delà de quelques paragraphes, présentez les missions ou le profil en liste à puces."
        return Check("description_structure", label, False, fix)
    return Check("description_structure", label, True)


def check_skills(values, context):
    label = f"Au moins {MIN_SKILLS} compétences"
    count = len(values.get("skills") or [])
    if count >= MIN_SKILLS:
        return Check("competences", label, True)
    fix = (
        f"{count} compétence{'s' if count > 1 else ''} indiquée{'s' if count > 1 else ''} : ajoutez-en jusqu'à "
        f"{MIN_SKILLS} au moins (langages, outils, méthodes) dans l'onglet « Poste »."
    )
    return Check("competences", label, False, fix)


def _vague_place_names():
    names = {geography.place_key(region.name) for region in geography.regions().values()}
    names |= {geography.place_key(departement.name) for departement in geography.departements().values()}
    return names | VAGUE_PLACES


def check_location(values, context):
    label = "Lieu de travail précis"
    city, postal_code = (values.get("city") or "").strip(), values.get("postal_code") or ""
    if geography.departement_for_postal_code(postal_code) is None:
        fix = "Indiquez le code postal du lieu de travail (cinq chiffres) dans l'onglet « Conditions & lieu »."
        return Check("lieu", label, False, fix)
    # Paris is a département and a commune: a name of a known commune is precise enough.
    vague = geography.place_key(city) in _vague_place_names() and not geography.places_named(city)
    if not city or vague:
        fix = "Indiquez la commune du lieu de travail, pas seulement une région ou un département."
        return Check("lieu", label, False, fix)
    return Check("lieu", label, True)


def check_deadline(values, context):
    label = "Trois semaines au moins pour candidater"
    deadline, published = _date(values.get("deadline")), context["publication_date"]
    earliest = published + datetime.timedelta(days=MIN_APPLICATION_DAYS)
    if deadline and deadline >= earliest:
        return Check("date_limite", label, True)
    fix = (
        "Laissez au moins trois semaines pour candidater : fixez la date limite au "
        f"{date_format(earliest, 'j F Y')} ou plus tard."
    )
    return Check("date_limite", label, False, fix)


def _date(value):
    """A date, from a date or its ISO text (an offer built in code may still hold the text)."""
    if isinstance(value, str):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return value


def check_application(values, context):
    label = "Moyen de candidater"
    if values.get("applies_here"):  # the institution receives its applications on this site
        return Check("candidature", label, True)
    if (values.get("apply_url") or "").strip() or (values.get("apply_email") or "").strip():
        return Check("candidature", label, True)
    fix = "Indiquez un lien ou une adresse électronique pour candidater dans l'onglet « Candidature »."
    return Check("candidature", label, False, fix)


RULES = (
    check_salary,
    check_remote,
    check_acronyms,
    check_inclusive_title,
    check_description_length,
    check_description_structure,
    check_skills,
    check_location,
    check_deadline,
    check_application,
)


@dataclass(frozen=True)
class Quality:
    checks: tuple

    @property
    def score(self):
        return round(100 * sum(check.passed for check in self.checks) / len(self.checks))

    @property
    def band(self):
        return score_band(self.score)

    @property
    def failed(self):
        return [check for check in self.checks if not check.passed]

    def as_dict(self):
        return {
            "score": self.score,
            "band": self.band.value,
            "band_label": self.band.label,
            "checks": [
                {"code": check.code, "label": check.label, "passed": check.passed, "fix": check.fix}
                for check in self.checks
            ],
        }


def evaluate(values, publication_date, acronyms):
    """The Quality of an offer given as `values` ({field: value}, `skills` a list of names), to be
    published on `publication_date`; `acronyms`: [(acronym, meaning)] (models.internal_acronyms)."""
    context = {"publication_date": publication_date or timezone.localdate(), "acronyms": acronyms}
    return Quality(tuple(rule(values, context) for rule in RULES))


def offer_values(offer, skills=None):
    """The values the rules read, from an offer (maybe unsaved); `skills`: names, when known."""
    values = {name: getattr(offer, name) for name in VALUE_FIELDS}
    values["skills"] = [tag.name for tag in offer.skills.all()] if skills is None else list(skills)
    values["applies_here"] = applies_here(offer.institution if offer.institution_id else None)
    return values


def applies_here(institution):
    return bool(institution and institution.receives_applications_on_metnum)


def form_values(form):
    """The values the rules read, from a bound admin form, valid or not: a field that does not
    validate counts as empty."""
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    values = {name: data.get(name) for name in VALUE_FIELDS}
    skills = data.get("skills") or []
    values["skills"] = [getattr(tag, "name", tag) for tag in skills]
    institution = data.get("institution") or (form.instance.institution if form.instance.institution_id else None)
    values["applies_here"] = applies_here(institution)
    return values
