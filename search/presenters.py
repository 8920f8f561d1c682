"""Plain data for the search templates (templates/search/), computed from an OfferQuery and its
OfferResults so that templates only lay it out. No database query here: everything comes from the
one search the view ran."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.safestring import mark_safe

from jobs.models import offer_search_url
from jobs.presenters import euros, offer_card, salary_label
from metnum_site.pagination import past_last_notice

from .query import RADII_KM, RECENCY_DAYS, SORT_DATE, SORT_RELEVANCE, SORTS, OfferQuery, departement_labels

# Facets longer than this show their first values and the rest behind "Voir plus".
FACET_VISIBLE_VALUES = 8


def offers_url(query):
    return offer_search_url(query.params())


def feed_urls(query):
    """{"rss": …, "atom": …}: the feeds of this search (its parameters, not its page)."""
    params = query.urlencode(page=False)
    return {kind: reverse(f"search:offers_{kind}") + (f"?{params}" if params else "") for kind in ("rss", "atom")}


def count_label(total, word="offre"):
    """« Aucune offre », « 1 offre », « 123 offres » (`word` is a feminine noun: offre, page)."""
    if not total:
        return f"Aucune {word}"
    return f"{total} {word}{'s' if total > 1 else ''}"


@dataclass
class FacetView:
    """A facet as a fieldset of checkboxes: the first values, and the rest behind a disclosure."""

    name: str
    label: str
    values: list
    more: list
    more_open: bool

    @classmethod
    def of(cls, facet):
        values = [
            {
                "value": value.value,
                "label": value.label,
                "count": value.count,
                "selected": value.selected,
                "id": f"filtre-{facet.name}-{value.value}",
            }
            for value in facet.values
        ]
        visible, more = values[:FACET_VISIBLE_VALUES], values[FACET_VISIBLE_VALUES:]
        return cls(facet.name, facet.label, visible, more, any(value["selected"] for value in more))


def selected_tags(query, results):
    """The removable tags of what narrows the search: {"label", "url"} each, in facet order."""
    tags = []
    for facet in results.facets:
        for value in facet.selected_values:
            tags.append({"label": value.label, "url": offers_url(query.without(facet.name, value.value))})
    # A département chosen without its région has no facet on screen but still filters.
    if query.selected("departement") and not results.facet("departement"):
        labels = departement_labels()
        for value in query.selected("departement"):
            tags.append({"label": labels.get(value, value), "url": offers_url(query.without("departement", value))})
    if query.salary_min is not None:
        tags.append({"label": f"Au moins {euros(query.salary_min)}", "url": offers_url(query.without("salaire_min"))})
    if query.published_within is not None:
        tags.append(
            {
                "label": f"Publiées depuis {query.published_within} jours",
                "url": offers_url(query.without("publiee")),
            }
        )
    if query.near is not None:
        tags.append(
            {
                "label": f"À {query.radius_km}\u00a0km autour de {query.near.label}",
                "url": offers_url(query.without("autour")),
            }
        )
    return tags


def distance_label(kilometres):
    return "À moins d'un kilomètre" if kilometres < 1 else f"À {round(kilometres)}\u00a0km"


def search_card(hit, near=None):
    """The offer card of a search result: the shared offer card, with the matched words marked in
    the title, and the salary and an excerpt of the missions under the employer's name; with an
    "autour de" search, the distance to the chosen commune."""
    offer = hit.offer
    card = offer_card(offer, heading_tag="h3")
    lines = [format_html('<span class="fr-text--bold">{}</span>', offer.institution.name)]
    if near is not None and offer.latitude is not None:
        lines.append(f"{distance_label(near.distance_km(offer.latitude, offer.longitude))} de {near.label}")
    if salary := salary_label(offer):
        lines.append(salary)
    if hit.excerpt_html:
        lines.append(hit.excerpt_html)
    card.update(
        # SafeStrings (see search.results.Hit) stay as they are; any other text is escaped.
        title=conditional_escape(hit.title_html),
        description=format_html_join(mark_safe("<br>"), "{}", ((line,) for line in lines)),
        # Both hold HTML (<mark>): never cut them, a cut could fall inside a tag.
        title_max_length=10_000,
        description_max_length=10_000,
    )
    return card


def search_terms(query, chosen_labels, limit=4):
    """What a search is about, for its titles: the text, then the labels of the chosen filter values
    (the first `limit` terms, then "…")."""
    terms = ([query.text] if query.text else []) + list(chosen_labels)
    return terms[:limit] + ["…"] if len(terms) > limit else terms


def page_title(query, results):
    """« Offres : développeur – page 2 – Métiers du numérique », with the first chosen filters."""
    terms = search_terms(query, [value.label for facet in results.facets for value in facet.selected_values])
    parts = ["Offres : " + ", ".join(terms) if terms else "Offres d'emploi"]
    if results.page > 1:
        parts.append(f"page {results.page}")
    return " – ".join(parts + [settings.WAGTAIL_SITE_NAME])


def search_context(query, results):
    """The context of templates/search/offer_search.html."""
    relaxation = results.relaxation
    return {
        "query": query,
        "results": results,
        "title": page_title(query, results),
        "count_label": count_label(results.total),
        "facets": [FacetView.of(facet) for facet in results.facets],
        "cards": [search_card(hit, query.near) for hit in results.hits],
        "tags": selected_tags(query, results),
        "clear_url": offers_url(query.cleared()) if query.has_filters else "",
        "notices": results.notices + past_last_notices(query, results),
        "salary_error": "salaire_min" in query.malformed,
        "place_error": "autour" in query.malformed,
        "place_value": query.near.label if query.near else query.near_typed,
        "radii": [
            {"value": str(radius), "label": f"{radius}\u00a0km", "selected": radius == query.radius_km}
            for radius in RADII_KM
        ],
        "relaxation": (
            {
                "label": relaxation.label,
                "count_label": count_label(relaxation.total),
                "url": offers_url(query.without(relaxation.name)),
            }
            if relaxation and not results.total
            else None
        ),
        "suggestion_url": (
            offers_url(OfferQuery(text=results.suggestion, filters=query.filters)) if results.suggestion else ""
        ),
        "sorts": sort_options(query),
        "recency": [{"value": "", "label": "Toutes les dates", "selected": query.published_within is None}]
        + [
            {"value": str(days), "label": f"Depuis {days} jours", "selected": query.published_within == days}
            for days in RECENCY_DAYS
        ],
        "feed_urls": feed_urls(query),
        # The email alert page takes the search as its parameters (what is searched: no sort, no page).
        "alert_params": urlencode(query.search_params()),
        "show_pagination": results.page_count > 1,
        "site_search_url": f"{reverse('site_search')}?{urlencode({'q': query.text})}" if query.text else "",
        "breadcrumb_data": {"links": [], "current": "Offres"},
    }


def past_last_notices(query, results):
    if results.total and query.asked_page > results.page:
        return [past_last_notice(query.asked_page, results.page)]
    return []


def sort_options(query):
    """The options of the "Trier par" select. The first one has no value: the default order, relevance
    with a text and newest first without. A word typed in the search field then gets relevance,
    instead of the order the select happened to show; a chosen order stays in the URL."""
    default = SORT_RELEVANCE if query.text else SORT_DATE
    options = [{"value": "", "label": SORTS[default], "selected": query.requested_sort in (None, default)}]
    options += [
        {"value": value, "label": label, "selected": value == query.requested_sort}
        for value, label in SORTS.items()
        if value not in (SORT_RELEVANCE, default)
    ]
    return options
