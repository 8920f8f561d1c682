"""The database engine: Wagtail's database search index for the text (PostgreSQL full text or SQLite
FTS5, see search/backends.py and db_text.py), the ORM for the rest, always within the open offers
(jobs.models.open_offer_condition): JobOffer, or with a text on PostgreSQL the offers' search
documents (search.models.OfferDocument).

A search costs the same five queries whatever the page length: institutions and métiers (labels and
slug → id), one statement for every facet count, the totals and the page ids (db_statement.py), the
page's offers and their contract types.
"""

import datetime
import math
import re

from django.db.models import ExpressionWrapper, F, FloatField, Q
from django.db.models.lookups import LessThanOrEqual
from django.utils import timezone

from jobs.geography import KM_PER_DEGREE
from jobs.models import Institution, JobOffer, Profession, has_contract_type, offer_search_url
from metnum_site.rich_text import plain_text

from .. import spelling
from ..query import (
    CODE_LABELS,
    FACET_COLUMNS,
    FACET_LABELS,
    FACET_NAMES,
    MAX_TEXT_LENGTH,
    PAGE_SIZE,
    SORT_RELEVANCE,
    clean_text,
    departement_labels,
    region_labels,
)
from ..results import Facet, FacetValue, Hit, OfferResults, Relaxation, order_facet_values, resolve_page
from ..synonyms import synonyms_for
from ..text import excerpt, fold, highlight, parse_text
from . import MAX_SIZE, Engine, Suggestion, db_statement
from .db_text import text_dialect

# A word as SQLite's FTS5 (unicode61) and PostgreSQL's parser cut them: "l'état" is "l" and "etat".
FTS_WORD = re.compile(r"[^\W_]+")
# A text search finding this many offers or fewer proposes a spelling ("Vouliez-vous dire … ?").
ALMOST_NOTHING = 2


class DatabaseEngine(Engine):
    name = "database"

    def search(self, query, size=None):
        if size:
            query = query.on_page(1)
        text_query = parse_text(query.text, synonyms_for(query.text))
        taxonomies = Taxonomies()
        base = text_dialect().open_offers(text_query).filter(non_facet_conditions(query))
        selections = facet_conditions(query, taxonomies)
        facet_names = [name for name in FACET_NAMES if name != "departement" or query.show_departements]
        ranking = text_dialect().ranking(text_query) if text_query and query.sort == SORT_RELEVANCE else None

        limit = min(size, MAX_SIZE) if size else PAGE_SIZE
        outcome = db_statement.run(
            base, selections, facet_names, query.sort, query.page, ranking, limit, text=bool(text_query)
        )
        total = outcome.totals[""]
        offers = JobOffer.objects.filter(pk__in=outcome.page_ids).for_listing().in_bulk()
        suggestion = spelling.suggest(query.text) if text_query and total <= ALMOST_NOTHING else ""
        marked = text_query.highlight_tokens
        return OfferResults(
            query=query,
            hits=[offer_hit(offers[pk], marked) for pk in outcome.page_ids if pk in offers],
            total=total,
            page=resolve_page(query.page, total),
            facets=build_facets(query, facet_names, outcome, taxonomies),
            relaxation=(
                relaxation(query, text_query, selections, outcome.totals) if total == 0 and query.has_filters else None
            ),
            suggestion=suggestion,
            engine=self.name,
        )

    def newest(self, query, size, among=None):
        text_query = parse_text(query.text, synonyms_for(query.text))
        offers = (
            text_dialect()
            .open_offers(text_query)
            .filter(non_facet_conditions(query), *facet_conditions(query, Taxonomies()).values())
        )
        if among is not None:
            offers = offers.filter(pk__in=among)
        newest_first = (F("first_published_at").desc(nulls_last=True), "-pk")
        ids = list(offers.order_by(*newest_first).values_list("pk", flat=True)[: min(size, MAX_SIZE)])
        found = JobOffer.objects.filter(pk__in=ids).for_listing().in_bulk()
        return [found[pk] for pk in ids if pk in found]

    def autocomplete(self, text, limit=8):
        return database_autocomplete(text, limit)


def rows(model):
    return model.objects.values_list("pk", "slug", "name")


class Taxonomies:
    """Institutions and métiers by id and by slug, read once per search."""

    def __init__(self):
        self.institutions = {
            pk: (slug, name) for pk, slug, name in Institution.objects.values_list("pk", "slug", "name")
        }
        self.professions = {pk: (slug, name) for pk, slug, name in Profession.objects.values_list("pk", "slug", "name")}

    def ids(self, facet, slugs):
        rows = self.institutions if facet == "institution" else self.professions
        return [pk for pk, (slug, _) in rows.items() if slug in slugs]

    def value(self, facet, raw):
        """(slug, name) of an id read from the database as text, or None."""
        rows = self.institutions if facet == "institution" else self.professions
        return rows.get(int(raw))

    def label(self, facet, slug):
        rows = self.institutions if facet == "institution" else self.professions
        return next((name for value, name in rows.values() if value == slug), slug)


# Conditions ---------------------------------------------------------------------------------------


def within_radius(place, radius_km):
    """Offers whose point is within `radius_km` of `place`: a bounding box (its columns are compared
    directly), then the distance on the flat map around the place, which differs from the great-circle
    distance by less than 0.1 % within 100 km. Offers without a point are left out."""
    lat_span = radius_km / KM_PER_DEGREE
    lon_scale = KM_PER_DEGREE * math.cos(math.radians(place.latitude))
    lon_span = radius_km / lon_scale
    north_south = (F("latitude") - place.latitude) * KM_PER_DEGREE
    east_west = (F("longitude") - place.longitude) * lon_scale
    squared = ExpressionWrapper(north_south * north_south + east_west * east_west, output_field=FloatField())
    return Q(
        latitude__range=(place.latitude - lat_span, place.latitude + lat_span),
        longitude__range=(place.longitude - lon_span, place.longitude + lon_span),
    ) & Q(LessThanOrEqual(squared, float(radius_km * radius_km)))


def non_facet_conditions(query):
    condition = Q()
    if query.near is not None:
        condition &= within_radius(query.near, query.radius_km)
    if query.salary_min is not None:
        condition &= Q(salary_max__gte=query.salary_min) | Q(salary_max__isnull=True, salary_min__gte=query.salary_min)
    if query.published_within is not None:
        since = timezone.now() - datetime.timedelta(days=query.published_within)
        condition &= Q(first_published_at__gte=since)
    if query.published_until is not None:
        condition &= Q(first_published_at__lte=query.published_until)
    return condition


def facet_conditions(query, taxonomies):
    """{facet name: condition on JobOffer} for each facet with a selection."""
    conditions = {}
    for name, values in query.filters.items():
        if name in ("institution", "metier"):
            conditions[name] = Q(**{f"{FACET_COLUMNS[name]}__in": taxonomies.ids(name, values)})
        elif name == "contrat":
            conditions[name] = has_contract_type(values)
        else:
            conditions[name] = Q(**{f"{FACET_COLUMNS[name]}__in": values})
    return conditions


# Results ------------------------------------------------------------------------------------------


def build_facets(query, facet_names, outcome, taxonomies):
    labels = {**CODE_LABELS, "region": region_labels(), "departement": departement_labels()}
    facets = []
    for name in facet_names:
        values = {}
        for raw, count in outcome.counts.get(name, {}).items():
            if name in ("institution", "metier"):
                found = taxonomies.value(name, raw)
                if found is None:
                    continue
                value, label = found
            else:
                value, label = raw, labels[name].get(raw, raw)
            values[value] = FacetValue(value, label, count, value in query.selected(name))
        for value in query.selected(name):
            if value not in values:
                label = taxonomies.label(name, value) if name in ("institution", "metier") else labels[name][value]
                values[value] = FacetValue(value, label, 0, True)
        total = outcome.totals.get(name, outcome.totals[""])
        facets.append(Facet(name, order_facet_values(values.values()), total))
    return facets


def offer_hit(offer, marked):
    return Hit(
        offer=offer,
        title_html=highlight(offer.title, marked),
        excerpt_html=excerpt(plain_text(offer.missions), marked),
    )


def relaxation(query, text_query, selections, totals):
    """The one filter whose removal brings back the most offers (for the empty state)."""
    candidates = [Relaxation(name, FACET_LABELS[name], totals[name]) for name in selections if totals.get(name)]
    for name, label, is_set in (
        ("salaire_min", "Salaire minimum", query.salary_min is not None),
        ("publiee", "Date de publication", query.published_within is not None),
        ("autour", "Autour de", query.near is not None),
    ):
        if not is_set:
            continue
        offers = text_dialect().open_offers(text_query)
        count = offers.filter(non_facet_conditions(query.without(name)), *selections.values()).count()
        if count:
            candidates.append(Relaxation(name, label, count))
    return max(candidates, key=lambda candidate: candidate.total, default=None)


# Autocomplete -------------------------------------------------------------------------------------


def name_matches(words, *names):
    """True when every typed word starts a word of one of the names (accents and case ignored)."""
    name_words = [word for name in names for word in fold(name).replace("-", " ").split()]
    return bool(words) and all(any(word.startswith(typed) for word in name_words) for typed in words)


def database_offer_titles(text, limit):
    """Open offers whose title has a word starting with each typed word (accents and case ignored):
    titles that start with the typed text first, then the newest. Read with our own query
    (db_text.py): Wagtail's autocomplete scores every offer of the table (minutes at 35,000 offers on
    SQLite) and takes only the last word as a prefix."""
    words = FTS_WORD.findall(fold(text))
    if not words:
        return []
    open_offers = JobOffer.objects.open().only("title", "slug")  # not the long texts
    offers = text_dialect().newest_with_title_prefixes(open_offers, words, limit * 10)
    start = fold(text).strip()
    return sorted(offers, key=lambda offer: not fold(offer.title).startswith(start))


def database_autocomplete(text, limit=8, offer_titles=database_offer_titles):
    """Up to `limit` suggestions: métiers and employers whose name starts with the typed words (two of
    each at most), then titles of open offers (distinct titles, most relevant first)."""
    text = clean_text(text)[:MAX_TEXT_LENGTH]
    words = fold(text).replace("-", " ").split()
    if not words:
        return []
    suggestions = []
    for slug, name in Taxonomies().professions.values():
        if name_matches(words, name) and len(suggestions) < 2:
            suggestions.append(Suggestion("metier", name, offer_search_url(metier=slug)))
    employers = 0
    for institution in Institution.objects.only("slug", "name", "acronym"):
        if name_matches(words, institution.name, institution.acronym) and employers < 2:
            suggestions.append(Suggestion("employeur", str(institution), institution.offers_search_url))
            employers += 1
    seen = set()
    for offer in offer_titles(text, limit):
        if len(suggestions) >= limit:
            break
        if fold(offer.title) not in seen:
            seen.add(fold(offer.title))
            suggestions.append(Suggestion("offre", offer.title, offer.get_absolute_url()))
    return suggestions[:limit]
