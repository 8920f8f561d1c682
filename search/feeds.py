"""/offres/flux.rss and /offres/flux.atom: the newest open offers of a search. They take the search
page's parameters (the page number aside), always newest first, and compute no facet count."""

from dataclasses import dataclass, replace

from django.conf import settings

from jobs.feeds import FEED_LENGTH, OfferAtom, OfferRss
from jobs.models import Institution, Profession
from metnum_site.addresses import absolute_url

from .engines import get_engine
from .presenters import offers_url, search_terms
from .query import CODE_LABELS, FACET_NAMES, SORT_DATE, OfferQuery, departement_labels, region_labels


def feed_query(request):
    return replace(OfferQuery.from_querydict(request.GET), requested_sort=SORT_DATE, page=1)


def chosen_labels(query):
    """The labels of the filter values a query chose, facet by facet (a feed computes no facet to
    read them from)."""
    labels = {
        **CODE_LABELS,
        "region": region_labels(),
        "departement": departement_labels(),
        "institution": names_by_slug(Institution, query.selected("institution")),
        "metier": names_by_slug(Profession, query.selected("metier")),
    }
    return [labels[name].get(value, value) for name in FACET_NAMES for value in query.selected(name)]


def names_by_slug(model, slugs):
    return dict(model.objects.filter(slug__in=slugs).values_list("slug", "name")) if slugs else {}


@dataclass
class FeedSearch:
    query: OfferQuery
    offers: list
    path: str  # the feed's own address, its query string included


class SearchFeedMixin:
    def get_object(self, request, *args, **kwargs):
        query = feed_query(request)
        return FeedSearch(query, get_engine().newest(query, FEED_LENGTH), request.get_full_path())

    def title(self, search):
        """Names what the subscription is about: « Métiers du numérique — offres : data, Île-de-France »."""
        terms = search_terms(search.query, chosen_labels(search.query))
        if not terms:
            return super().title()
        return f"{settings.WAGTAIL_SITE_NAME} — offres : {', '.join(terms)}"

    def link(self, search):
        return absolute_url(offers_url(replace(search.query, requested_sort=None)))

    def feed_url(self, search):
        return absolute_url(search.path)

    def items(self, search):
        return search.offers


class SearchRss(SearchFeedMixin, OfferRss):
    pass


class SearchAtom(SearchFeedMixin, OfferAtom):
    pass
