"""The offer search query: what a candidate asked for, parsed and validated from the GET parameters
of `/offres/` (and of the feeds, which take the same parameters).

    query = OfferQuery.from_querydict(request.GET)
    results = get_engine().search(query)          # search/engines/__init__.py

Nothing a URL can hold makes `from_querydict` raise: unknown parameters and unknown values are
dropped (the values in `query.unknown`, which the open-data API refuses), a malformed number is
dropped and explained in `query.notices` (French sentences for the page to display). The parameter
names and codes are a public URL contract:

    q            text, trimmed, at most MAX_TEXT_LENGTH characters
    institution  institution slug            (repeatable, values OR'ed)
    metier       profession slug             (repeatable)
    contrat      contract type code          (repeatable)
    categorie    aplus / a / b / c           (repeatable)
    experience   debutant / confirme / …     (repeatable)
    region       INSEE région code           (repeatable)
    departement  INSEE département code      (repeatable)
    teletravail  aucun / partiel / total     (repeatable)
    salaire_min  euros per year: offers whose maximum (or minimum when there is no maximum)
                 reaches it; offers without a salary are excluded only when it is set
    autour       a commune: « Lyon », or « Saint-Denis (La Réunion) » when names are shared
                 (jobs/geography.py); offers within `rayon` of it
    rayon        10 / 30 (default) / 50 / 100 kilometres
    publiee      7 or 30: published within that many days
    tri          pertinence (default with text) / date (default otherwise) / echeance / salaire
    page         1-based; a page past the last shows the last, with a notice (search/presenters.py)

Institution and profession slugs are checked against the database (one small query each, only
when the parameter is present); every other value is checked against the code lists of
jobs/choices.py and jobs/geography.py.
"""

import datetime
import re
import unicodedata
from dataclasses import dataclass, field, replace
from urllib.parse import urlencode

from jobs import geography
from jobs.choices import Category, ContractTypeCode, ExperienceLevel, RemoteWork
from jobs.models import Institution, Profession
from metnum_site.pagination import read_page_number

MAX_TEXT_LENGTH = 200
PAGE_SIZE = 20
# Elasticsearch refuses from + size beyond 10 000 (index.max_result_window); both engines stop there.
MAX_RESULT_WINDOW = 10_000
MAX_PAGE = MAX_RESULT_WINDOW // PAGE_SIZE
MAX_VALUES_PER_FACET = 50
MAX_SALARY = 1_000_000
RECENCY_DAYS = (7, 30)


@dataclass(frozen=True)
class FacetSpec:
    """One filter of /offres/, the one definition both engines and the templates read."""

    name: str  # the GET parameter
    label: str  # French, for the filter legend
    column: str  # the JobOffer column the database engine filters and counts (contracts: a bit mask)
    field: str  # the Elasticsearch document field


FACETS = (
    FacetSpec("institution", "Employeur", column="institution_id", field="institution"),
    FacetSpec("metier", "Métier", column="profession_id", field="profession"),
    FacetSpec("contrat", "Type de contrat", column="contract_mask", field="contracts"),
    FacetSpec("categorie", "Catégorie", column="category", field="category"),
    FacetSpec("experience", "Expérience", column="experience_level", field="experience"),
    FacetSpec("region", "Région", column="region_code", field="region"),
    FacetSpec("departement", "Département", column="departement_code", field="departement"),
    FacetSpec("teletravail", "Télétravail", column="remote", field="remote"),
)
FACET_NAMES = tuple(spec.name for spec in FACETS)
# Every GET parameter of /offres/ and its feeds (the URL contract of the module docstring).
PARAMETERS = ("q", *FACET_NAMES, "salaire_min", "publiee", "autour", "rayon", "tri", "page")
RADII_KM = (10, 30, 50, 100)
DEFAULT_RADIUS_KM = 30
FACET_LABELS = {spec.name: spec.label for spec in FACETS}
FACET_COLUMNS = {spec.name: spec.column for spec in FACETS}
FACET_FIELDS = {spec.name: spec.field for spec in FACETS}

SORT_RELEVANCE, SORT_DATE, SORT_DEADLINE, SORT_SALARY = "pertinence", "date", "echeance", "salaire"
SORTS = {
    SORT_RELEVANCE: "Pertinence",
    SORT_DATE: "Les plus récentes",
    SORT_DEADLINE: "Date limite la plus proche",
    SORT_SALARY: "Salaire le plus élevé",
}

# Static code lists: value → label.
CODE_LABELS = {
    "contrat": dict(ContractTypeCode.choices),
    "categorie": dict(Category.choices),
    "experience": dict(ExperienceLevel.choices),
    "teletravail": dict(RemoteWork.choices),
}

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_SPACES = re.compile(r"\s+")


def region_labels():
    return {code: region.name for code, region in geography.regions().items()}


def departement_labels():
    return {code: departement.label for code, departement in geography.departements().items()}


def clean_text(value):
    """Printable text on one line: control characters (NUL included, which PostgreSQL refuses)
    removed, spaces collapsed, Unicode normalised to its composed form."""
    value = unicodedata.normalize("NFC", value or "")
    value = _CONTROL.sub(" ", value)
    return _SPACES.sub(" ", value).strip()


@dataclass(frozen=True)
class OfferQuery:
    text: str = ""
    filters: dict = field(default_factory=dict)  # facet name → tuple of selected values, known values only
    salary_min: int | None = None
    published_within: int | None = None  # days: 7 or 30
    near: geography.Place | None = None  # "autour de"
    near_typed: str = ""  # the commune typed when it was not found, to show it back
    radius_km: int = DEFAULT_RADIUS_KM
    requested_sort: str | None = None  # the `tri` parameter when valid
    page: int = 1  # at most MAX_PAGE; the engine shows the last page when it is past it
    asked_page: int = 1  # the number in the `page` parameter, which may be past MAX_PAGE
    notices: tuple = ()  # French sentences explaining what was ignored
    malformed: tuple = ()  # the parameters those sentences are about, when a number was malformed
    unknown: tuple = ()  # (parameter, value) pairs dropped silently: unknown codes, slugs, sort or radius
    # Not a URL parameter: offers first published after this instant are left out. The API's cursor
    # sets it to the moment of its first page, so that offers published meanwhile never shift the
    # following pages (api/cursor.py).
    published_until: datetime.datetime | None = None

    # Parsing -----------------------------------------------------------------------------------

    @classmethod
    def from_querydict(cls, data):
        """Build a query from a QueryDict (request.GET) or any mapping of str → str / list of str."""
        notices, malformed = [], []
        text = clean_text(_first(data, "q"))
        if len(text) > MAX_TEXT_LENGTH:
            text = text[:MAX_TEXT_LENGTH].rstrip()
            notices.append(f"Votre recherche a été raccourcie à ses {MAX_TEXT_LENGTH} premiers caractères.")

        filters = {}
        for name in FACET_NAMES:
            values = _clean_values(_all(data, name), upper=name in ("region", "departement"))
            if values:
                filters[name] = values
        known = _known_values(filters)
        unknown = [
            (name, value) for name, values in filters.items() for value in values if value not in known.get(name, ())
        ]
        filters = known

        salary_min = _parse_number(
            data,
            "salaire_min",
            notices,
            malformed,
            "Le salaire minimum «\u00a0{value}\u00a0» n'est pas un montant en euros : ce filtre est ignoré.",
            maximum=MAX_SALARY,
        )
        if salary_min is not None and salary_min <= 0:
            salary_min = None

        published_within = _parse_number(
            data,
            "publiee",
            notices,
            malformed,
            "La période de publication «\u00a0{value}\u00a0» n'est pas un nombre de jours : ce filtre est ignoré.",
        )
        if published_within is not None and published_within not in RECENCY_DAYS:
            unknown.append(("publiee", str(published_within)))
        if published_within not in RECENCY_DAYS:
            published_within = None

        near = None
        place_name = clean_text(_first(data, "autour"))[:100]
        if place_name:
            near = geography.find_place(place_name)
            if near is None:
                notices.append(f"La commune «\u00a0{place_name[:60]}\u00a0» est introuvable : ce filtre est ignoré.")
                malformed.append("autour")
        radius = _parse_number(
            data,
            "rayon",
            notices,
            malformed,
            "Le rayon «\u00a0{value}\u00a0» n'est pas un nombre de kilomètres : 30\u00a0km sont appliqués.",
        )
        if radius is not None and radius not in RADII_KM:
            notices.append(f"Le rayon de {radius}\u00a0km n'est pas proposé : 30\u00a0km sont appliqués.")
            unknown.append(("rayon", str(radius)))
        if radius not in RADII_KM:
            radius = DEFAULT_RADIUS_KM

        sort = clean_text(_first(data, "tri")).lower()
        if sort and sort not in SORTS:
            unknown.append(("tri", sort[:100]))
        page, page_notice = read_page_number(clean_text(_first(data, "page")))
        if page_notice:
            notices.append(page_notice)
        return cls(
            text=text,
            filters=filters,
            salary_min=salary_min,
            published_within=published_within,
            near=near,
            near_typed=place_name if near is None else "",
            radius_km=radius,
            requested_sort=sort if sort in SORTS else None,
            page=min(page or 1, MAX_PAGE),
            asked_page=page or 1,
            notices=tuple(notices),
            malformed=tuple(malformed),
            unknown=tuple(unknown),
        )

    # Reading -----------------------------------------------------------------------------------

    @property
    def sort(self):
        """The sort applied: relevance only makes sense with text, and is the default then."""
        if self.requested_sort == SORT_RELEVANCE and not self.text:
            return SORT_DATE
        return self.requested_sort or (SORT_RELEVANCE if self.text else SORT_DATE)

    def selected(self, facet_name):
        return self.filters.get(facet_name, ())

    @property
    def has_filters(self):
        """True when anything narrows the results besides the text."""
        return (
            bool(self.filters)
            or self.salary_min is not None
            or self.published_within is not None
            or self.near is not None
        )

    @property
    def show_departements(self):
        """The département facet appears once a région (or a département) is chosen."""
        return bool(self.selected("region") or self.selected("departement"))

    # Building links ----------------------------------------------------------------------------

    def params(self, page=True):
        """The canonical (key, value) pairs of this query, for links and feeds."""
        pairs = [("q", self.text)] if self.text else []
        for name in FACET_NAMES:
            pairs += [(name, value) for value in self.selected(name)]
        if self.salary_min is not None:
            pairs.append(("salaire_min", str(self.salary_min)))
        if self.published_within is not None:
            pairs.append(("publiee", str(self.published_within)))
        if self.near is not None:
            pairs += [("autour", self.near.label), ("rayon", str(self.radius_km))]
        if self.requested_sort:
            pairs.append(("tri", self.requested_sort))
        if page and self.page > 1:
            pairs.append(("page", str(self.page)))
        return pairs

    def urlencode(self, page=True):
        return urlencode(self.params(page=page))

    def search_params(self):
        """What is searched, without the sort and the page: the canonical form of a saved search (the
        email alerts store `urlencode(query.search_params())` and read it back with from_querydict)."""
        return [(name, value) for name, value in self.params(page=False) if name != "tri"]

    def without(self, name, value=None):
        """This query without one filter value (or the whole filter when value is None), back on
        page 1. `name` is a facet name, "q", "salaire_min", "publiee" or "autour"."""
        if name == "autour":
            return self._narrowed(near=None, radius_km=DEFAULT_RADIUS_KM)
        if name == "q":
            return self._narrowed(text="")
        if name == "salaire_min":
            return self._narrowed(salary_min=None)
        if name == "publiee":
            return self._narrowed(published_within=None)
        filters = dict(self.filters)
        kept = tuple(v for v in filters.pop(name, ()) if value is not None and v != value)
        if kept:
            filters[name] = kept
        if name == "region" and not kept:
            filters.pop("departement", None)
        return self._narrowed(filters=filters)

    def _narrowed(self, **changes):
        """A changed copy, back on page 1 and without the notices about this request's parameters."""
        return replace(self, page=1, asked_page=1, notices=(), malformed=(), unknown=(), **changes)

    def cleared(self):
        """Same text and sort, no filter."""
        return OfferQuery(text=self.text, requested_sort=self.requested_sort)

    def on_page(self, page):
        return replace(self, page=min(max(page, 1), MAX_PAGE), asked_page=max(page, 1))


def _first(data, key):
    values = _all(data, key)
    return values[-1] if values else ""


def _all(data, key):
    if hasattr(data, "getlist"):
        values = data.getlist(key)
    else:
        value = data.get(key, [])
        values = value if isinstance(value, (list, tuple)) else [value]
    return [value for value in values if isinstance(value, str)]


def _clean_values(values, upper=False):
    cleaned = []
    for value in values:
        value = clean_text(value)[:100]
        value = value.upper() if upper else value.lower()
        if value and value not in cleaned:
            cleaned.append(value)
    return tuple(cleaned[:MAX_VALUES_PER_FACET])


def _known_values(filters):
    known = {}
    for name, values in filters.items():
        if name == "institution":
            allowed = set(Institution.objects.filter(slug__in=values).values_list("slug", flat=True))
        elif name == "metier":
            allowed = set(Profession.objects.filter(slug__in=values).values_list("slug", flat=True))
        elif name == "region":
            allowed = geography.regions().keys()
        elif name == "departement":
            allowed = geography.departements().keys()
        else:
            allowed = CODE_LABELS[name].keys()
        values = tuple(value for value in values if value in allowed)
        if values:
            known[name] = values
    return known


def _parse_number(data, name, notices, malformed, message, maximum=None):
    """The whole number in parameter `name`, or None; a malformed one is explained in `notices`."""
    raw = clean_text(_first(data, name))
    if not raw:
        return None
    digits = raw.replace(" ", "").replace("\u202f", "").replace("\xa0", "")
    if digits.isascii() and digits.isdigit() and len(digits) <= 12:
        number = int(digits)
        if maximum is None or number <= maximum:
            return number
    notices.append(message.format(value=raw[:30]))
    malformed.append(name)
    return None
