"""A saved search: the canonical query string of an OfferQuery (search/query.py, the one definition
of the filters), read back with OfferQuery.from_querydict. The sort, the page and « publiée depuis »
are left out: a digest lists the offers new since the previous one, newest first."""

from dataclasses import replace

from django.http import QueryDict
from django.utils.http import urlencode

from jobs.models import offer_search_url
from search.feeds import chosen_labels
from search.presenters import search_terms
from search.query import SORT_DATE, OfferQuery


def saved_form(query):
    """The string an alert stores for an OfferQuery."""
    return urlencode(replace(query, published_within=None).search_params())


def normalised(data):
    """The saved form of any query string or QueryDict (unknown parameters and values dropped)."""
    if isinstance(data, str):
        data = QueryDict(data)
    return saved_form(OfferQuery.from_querydict(data))


def offer_query(search):
    """The OfferQuery of a saved search, or None when one of its filters lost a value since it was
    saved (an employer or a métier removed): the alert would otherwise match more than was asked."""
    query = OfferQuery.from_querydict(QueryDict(search))
    return query if saved_form(query) == search else None


def describe(search, limit=6):
    """« développeur, Bretagne, Télétravail partiel » or « Toutes les offres »."""
    query = OfferQuery.from_querydict(QueryDict(search))
    terms = search_terms(query, chosen_labels(query), limit=limit)
    if query.salary_min is not None:
        terms.append(f"salaire à partir de {query.salary_min:,} €".replace(",", "\u00a0"))
    if query.near is not None:
        terms.append(f"à {query.radius_km}\u00a0km autour de {query.near.label}")
    return ", ".join(terms) if terms else "Toutes les offres"


def search_url(search):
    """The /offres/ page of a saved search, newest first."""
    query = OfferQuery.from_querydict(QueryDict(search))
    return offer_search_url(replace(query, requested_sort=SORT_DATE).params(page=False))
