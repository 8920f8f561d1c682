"""Elasticsearch first, the database when it fails.

Any error of the Elasticsearch engine (cluster down, index missing, a request over the client's
timeout, settings.ELASTICSEARCH_TIMEOUT, an unexpected answer) is logged as a warning and the same
call is answered by the database engine: candidates never see an error page because of the search
cluster. After a failure the cluster is left alone for settings.ELASTICSEARCH_COOL_DOWN seconds (a
circuit breaker, its state in the cache: shared by every process when the cache is), then tried
again: a hung cluster costs one search its timeout, not every search.
"""

import logging

from django.conf import settings
from django.core.cache import cache

from . import Engine

logger = logging.getLogger("search")
BREAKER_KEY = "search:elasticsearch-resting"


def elasticsearch_resting():
    """True while the breaker keeps Elasticsearch out after a failure."""
    return bool(cache.get(BREAKER_KEY))


class FallbackEngine(Engine):
    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback

    @property
    def name(self):
        return self.primary.name

    def search(self, query, size=None):
        return self._call("search", query, size)

    def newest(self, query, size, among=None):
        return self._call("newest", query, size, among)

    def autocomplete(self, text, limit=8):
        return self._call("autocomplete", text, limit)

    def _call(self, method, *args):
        if elasticsearch_resting():
            return getattr(self.fallback, method)(*args)
        try:
            return getattr(self.primary, method)(*args)
        except Exception as error:
            cache.set(BREAKER_KEY, True, settings.ELASTICSEARCH_COOL_DOWN)
            logger.warning(
                "Recherche : Elasticsearch indisponible (%s : %s), réponse par la base de données ; "
                "Elasticsearch laissé de côté pendant %s s.",
                type(error).__name__,
                error,
                settings.ELASTICSEARCH_COOL_DOWN,
            )
            return getattr(self.fallback, method)(*args)
