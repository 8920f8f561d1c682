"""What the sources' values mean, in MetNum's codes: dates, categories, contract natures, remote
work, experience, places and salaries. Each function returns "" (or None) when the source says
nothing usable, so that the importer's own default applies and nothing is made up; the one exception
is the deadline of an offer without one (deadline_column)."""

import datetime
import re
import urllib.parse
from html import escape

from django.utils import timezone

from jobs.sanitizer import LOOKS_LIKE_HTML

from .text import normalised, one_line

NO_DEADLINE = datetime.date(9999, 12, 31)  # the sources' "31/12/9999"
FRENCH_DATE = re.compile(r"^\s*(\d{1,2})/(\d{1,2})/(\d{4})")
ISO_DATE = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")
POSTAL_AND_COMMUNE = re.compile(r"(?<!\d)(\d{5})(?!\d)[\s,:-]*([^\d\n,;:()]+)?")
CEDEX = re.compile(r"\s+cedex\b.*$", re.IGNORECASE)
SMALL_WORDS = {"sur", "sous", "de", "du", "des", "la", "le", "les", "en", "et", "aux", "au", "lès"}
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
SALARY = re.compile(
    r"^(?P<period>annuel|mensuel|horaire)\s+de\s+(?P<low>[\d.,]+)\s*euros?"
    r"(?:\s+à\s+(?P<high>[\d.,]+)\s*euros?)?(?:\s+sur\s+(?P<months>[\d.,]+)\s*mois)?",
    re.IGNORECASE,
)
SALARY_BOUNDS = (15_000, 250_000)  # jobs.rules: outside them, a stated salary is surely misread


def parse_date(value):
    """A date from "31/12/2026", "31/12/2026 10:06" or "2026-12-31T…"; None when there is none."""
    value = str(value or "")
    if match := FRENCH_DATE.match(value):
        day, month, year = (int(part) for part in match.groups())
    elif match := ISO_DATE.match(value):
        year, month, day = (int(part) for part in match.groups())
    else:
        return None
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def iso(date):
    """The importer's format; "" for no date or the sources' "no deadline" (31/12/9999)."""
    return "" if date is None or date == NO_DEADLINE else date.isoformat()


def deadline_column(date, today=None):
    """The importer's deadline for a source's date. A source that states none (no date, or its
    "31/12/9999") gets the last day of the month after next: an offer needs a date for
    JobOffer.objects.open(), and the importer would otherwise set two months after publication once
    and for all, closing an offer its source still lists. Each run while the source lists the offer
    moves it on (a new value once a month, so not a new revision every week); when the source drops
    the offer, its next full run closes it (--close-missing), and if the intake stopped, the offer
    closes at that date at the latest."""
    if date is not None and date != NO_DEADLINE:
        return date.isoformat()
    today = today or timezone.localdate()
    first_of_month_after_next = (today.replace(day=1) + datetime.timedelta(days=32 * 2 + 5)).replace(day=1)
    next_after = (first_of_month_after_next + datetime.timedelta(days=32)).replace(day=1)
    return (next_after - datetime.timedelta(days=1)).isoformat()


def french(date):
    """« 27/04/2026 », for the facts a candidate reads; "" for no date."""
    return "" if date is None or date == NO_DEADLINE else date.strftime("%d/%m/%Y")


def category(value):
    """aplus, a, b, c from « Catégorie A+ », « Catégorie A (cadre) », « B »…; "" otherwise."""
    text = normalised(value)
    match = re.search(r"(?:categorie\s*|^)(a\s*\+|a|b|c)(?![a-z])", text)
    if not match:
        return ""
    code = match.group(1).replace(" ", "")
    return "aplus" if code == "a+" else code


def contract_codes(*values):
    """The importer's contract codes from the sources' "nature de l'emploi" / contract texts."""
    text = " ".join(normalised(value) for value in values if value)
    codes = []
    if "apprenti" in text or "apprentissage" in text or "professionnalisation" in text or "alternance" in text:
        codes.append("apprentissage")
    if "stage" in text or "stagiaire" in text:
        codes.append("stage")
    if "volontari" in text or "service civique" in text:
        codes.append("volontariat")
    if re.search(r"\b(lib|liberal|freelance|independant)\b", text):
        codes.append("freelance")
    if "titulaire" in text or "fonctionnaire" in text or "laureat" in text:
        codes.append("titulaire_ou_contractuel")
    elif "contractuel" in text or re.search(r"\b(cdd|cdi|contrat)\b", text):
        codes.append("contractuel")
    return "|".join(dict.fromkeys(codes))


def remote(value):
    """« Oui » → partiel (the sources do not say how much), « Non » → aucun, nothing → ""."""
    text = normalised(value)
    if text in {"oui", "true", "1"} or text.startswith("oui"):
        return "partiel"
    if text in {"non", "false", "0"} or text.startswith("non"):
        return "aucun"
    if "total" in text or "100" in text:
        return "total"
    if any(word in text for word in ("partiel", "jour", "possible", "occasionnel", "ponctuel", "autorise")):
        return "partiel"
    return ""


def experience(value, years=None):
    """debutant, confirme, senior, expert from a label (« Débutant », « Confirmé », « Expert ») or a
    number of years; "" when not stated."""
    text = normalised(value)
    if years is None:
        for word, code in (("debutant", "debutant"), ("junior", "debutant"), ("confirme", "confirme")):
            if word in text:
                return code
        if "expert" in text:
            return "expert"
        if "senior" in text:
            return "senior"
        match = re.search(r"(\d+)\s*(an|mois)", text)
        if not match:
            return ""
        years = int(match.group(1)) / (12 if match.group(2) == "mois" else 1)
    if years < 3:
        return "debutant"
    if years <= 5:
        return "confirme"
    if years <= 10:
        return "senior"
    return "expert"


def commune_name(value):
    """« NEUILLY SUR SEINE CEDEX » → « Neuilly sur Seine » ; « ST DENIS » → « Saint Denis »."""
    name = CEDEX.sub("", one_line(value)).strip(" -,.")
    name = re.sub(r"\s+\d{1,2}$", "", name) if not re.search(r"arrondissement", name, re.I) else name
    if name and name in (name.upper(), name.lower()):
        words = []
        for index, word in enumerate(re.split(r"(\s+|-)", name.lower())):
            if word in {"st", "ste"}:
                word = {"st": "saint", "ste": "sainte"}[word]
            if index and word in SMALL_WORDS:
                words.append(word)
            else:
                words.append(word[:1].upper() + word[1:])
        name = "".join(words)
    return name


def postal_place(*texts):
    """(postal code, commune) from the first text that holds « … 85200 Pissotte », or « Pissotte
    85200 » when nothing follows the code; ("", "") otherwise."""
    for text in texts:
        text = str(text or "")
        for match in POSTAL_AND_COMMUNE.finditer(text):
            commune = commune_name(match.group(2) or "")
            if not commune:
                before = re.split(r"[\n,;:()]", text[: match.start()])[-1]
                commune = commune_name(re.sub(r"^[\d\s]*(?:bis|ter)?\s*", "", before))
            if commune:
                return match.group(1), commune
    return "", ""


def yearly_salary(label):
    """(min, max) in euros a year from France Travail's « Mensuel de 2100.0 Euros à 2500.0 Euros sur
    12.0 mois » ; (None, None) for an hourly rate, free text, or a figure out of the plausible range."""
    match = SALARY.match(one_line(label))
    if not match or match.group("period").lower() == "horaire":
        return None, None

    def number(text):
        return float(text.replace(",", "."))

    months = number(match.group("months")) if match.group("months") else 12
    factor = months if match.group("period").lower() == "mensuel" else 1
    low = round(number(match.group("low")) * factor)
    high = round(number(match.group("high")) * factor) if match.group("high") else None
    if high is not None and high - low < 100:  # « de 2661.0 à 2661.01 » : one salary
        high = None
    values = [value for value in (low, high) if value is not None]
    if any(not SALARY_BOUNDS[0] <= value <= SALARY_BOUNDS[1] for value in values):
        return None, None
    return low, high


def first_email(*texts):
    for text in texts:
        if match := EMAIL.search(str(text or "")):
            return match.group(0)
    return ""


def http_url(*values):
    for value in values:
        value = str(value or "").strip()
        if value.startswith(("http://", "https://")) and " " not in value:
            return value
    return ""


def csp_offer_url(reference):
    """The public page of a Choisir le service public offer, from its reference."""
    return f"https://choisirleservicepublic.gouv.fr/offre-emploi/{urllib.parse.quote(reference.strip())}/"


def without_tracking(url):
    """An offer URL without the source's tracking parameters (?tracking=1&idOrigine=502)."""
    parts = urllib.parse.urlsplit(url)
    query = [(key, value) for key, value in urllib.parse.parse_qsl(parts.query) if key not in {"tracking", "idOrigine"}]
    return urllib.parse.urlunsplit(parts._replace(query=urllib.parse.urlencode(query)))


def facts(pairs):
    """A bulleted list (importer plain text) of the (label, value) pairs that have a value."""
    lines = [f"- {label} : {one_line(value)}" for label, value in pairs if one_line(value)]
    return "\n".join(lines)


VERSANT_CODES = {"État": "etat", "territoriale": "territoriale", "hospitalière": "hospitaliere"}


def versant_code(value):
    """The importer's code (etat, territoriale, hospitaliere) of a source's versant; "" when unknown."""
    return VERSANT_CODES.get(versant(value), "")


def versant(value):
    """« Fonction Publique de l'Etat » → « État » (territoriale, hospitalière); "" when unknown."""
    text = normalised(value)
    if "etat" in text or text.endswith("fpe"):
        return "État"
    if "territoriale" in text or text.endswith("fpt"):
        return "territoriale"
    if "hospitaliere" in text or text.endswith("fph"):
        return "hospitalière"
    return ""


def _as_html(text):
    """Plain text as the importer would read it (paragraphs, "- " lists), in HTML."""
    if LOOKS_LIKE_HTML.search(text):
        return text
    blocks = []
    for block in re.split(r"\n\s*\n", text.strip()):
        lines = [line.strip() for line in block.splitlines() if line.strip()]
        if lines and all(line.startswith("- ") for line in lines):
            blocks.append("<ul>" + "".join(f"<li>{escape(line[2:])}</li>" for line in lines) + "</ul>")
        elif lines:
            blocks.append("<p>" + "<br>".join(escape(line) for line in lines) + "</p>")
    return "".join(blocks)


def combine(*parts):
    """Several texts of a record in one rich text: plain text if they all are, otherwise HTML (a plain
    part is then converted, so that its lists and paragraphs survive)."""
    parts = [str(part).strip() for part in parts if part and str(part).strip()]
    if any(LOOKS_LIKE_HTML.search(part) for part in parts):
        return "".join(_as_html(part) for part in parts)
    return "\n\n".join(parts)


def combine_all(parts):
    return combine(*parts)
