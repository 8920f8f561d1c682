"""/offres/flux.rss and /offres/flux.atom: the newest open offers of a search. They take the search
page's parameters (the page number aside), always newest first."""

from dataclasses import replace

from jobs.feeds import FEED_LENGTH, LatestOffersAtom, LatestOffersRss

from .engines import get_engine
from .presenters import offers_url
from .query import SORT_DATE, OfferQuery


def feed_query(request):
    return replace(OfferQuery.from_querydict(request.GET), requested_sort=SORT_DATE, page=1)


class SearchFeedMixin:
    def get_object(self, request, *args, **kwargs):
        return feed_query(request)

    def title(self, query):
        if query.text:
            return f"Métiers du numérique — offres « {query.text} »"
        if query.has_filters:
            return "Métiers du numérique — offres d'une recherche filtrée"
        return LatestOffersRss.title

    def link(self, query):
        return offers_url(replace(query, requested_sort=None))

    def items(self, query):
        return [hit.offer for hit in get_engine().search(query, size=FEED_LENGTH).hits]


class SearchRss(SearchFeedMixin, LatestOffersRss):
    pass


class SearchAtom(SearchFeedMixin, LatestOffersAtom):
    pass
