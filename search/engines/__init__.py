"""The offer search engines behind one interface.

    from search.engines import get_engine
    results = get_engine().search(OfferQuery.from_querydict(request.GET))   # an OfferResults
    feed = get_engine().newest(query, size=50)      # the 50 newest offers (JobOffer), no facet counts
    new = get_engine().newest(query, size=100, among=ids)   # the same, only among those offer ids
    suggestions = get_engine().autocomplete("dévelo")                       # list of Suggestion

`get_engine()` returns the database engine when settings.ELASTICSEARCH_URL is empty, and otherwise
the Elasticsearch engine wrapped in a fallback: when the cluster errors or takes longer than
settings.ELASTICSEARCH_TIMEOUT, the same query is answered by the database engine, a warning is
logged and the cluster rests for settings.ELASTICSEARCH_COOL_DOWN seconds. Callers never
see an exception because of the search cluster.
"""

from dataclasses import dataclass

from django.conf import settings


@dataclass(frozen=True)
class Suggestion:
    """One autocomplete entry: kind is "offre", "metier" or "employeur"."""

    kind: str
    label: str
    url: str


MAX_SIZE = 100


class Engine:
    name = ""

    def search(self, query, size=None):
        """An OfferResults for an OfferQuery. `size` (at most MAX_SIZE) returns the first `size`
        offers instead of the query's page of 20: the feeds ask for 50."""
        raise NotImplementedError

    def newest(self, query, size, among=None):
        """The `size` (at most MAX_SIZE) newest open offers matching an OfferQuery's text and filters,
        as JobOffer ready for a listing: no facet count, no total, no highlight (the feeds). `among`
        (ids, or a queryset of ids) keeps only those offers (the email alerts: the offers new since
        the last digest)."""
        raise NotImplementedError

    def autocomplete(self, text, limit=8):
        """Up to `limit` Suggestion for what a candidate is typing."""
        raise NotImplementedError


def get_engine():
    from .database import DatabaseEngine

    if not settings.ELASTICSEARCH_URL:
        return DatabaseEngine()
    from .elasticsearch import ElasticsearchEngine
    from .fallback import FallbackEngine

    return FallbackEngine(ElasticsearchEngine(), DatabaseEngine())
