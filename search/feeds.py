"""/offres/flux.rss and /offres/flux.atom: the newest open offers of a search. They take the search
page's parameters (the page number aside), always newest first."""

from dataclasses import dataclass, replace

from django.conf import settings

from jobs.feeds import FEED_LENGTH, OfferAtom, OfferRss

from .engines import get_engine
from .presenters import offers_url, search_terms
from .query import SORT_DATE, OfferQuery
from .results import OfferResults


def feed_query(request):
    return replace(OfferQuery.from_querydict(request.GET), requested_sort=SORT_DATE, page=1)


@dataclass
class FeedSearch:
    query: OfferQuery
    results: OfferResults


class SearchFeedMixin:
    def get_object(self, request, *args, **kwargs):
        query = feed_query(request)
        return FeedSearch(query, get_engine().search(query, size=FEED_LENGTH))

    def title(self, search):
        """Names what the subscription is about: « Métiers du numérique — offres : data, Île-de-France »."""
        terms = search_terms(search.query, search.results)
        if not terms:
            return super().title()
        return f"{settings.WAGTAIL_SITE_NAME} — offres : {', '.join(terms)}"

    def link(self, search):
        return offers_url(replace(search.query, requested_sort=None))

    def items(self, search):
        return [hit.offer for hit in search.results.hits]


class SearchRss(SearchFeedMixin, OfferRss):
    pass


class SearchAtom(SearchFeedMixin, OfferAtom):
    pass
