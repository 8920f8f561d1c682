"""Elasticsearch first, the database when it fails.

Any error of the Elasticsearch engine (cluster down, index missing, a request over the client's
two-second timeout, an unexpected answer) is logged as a warning and the same call is answered by
the database engine: candidates never see an error page because of the search cluster.
"""

import logging

from . import Engine

logger = logging.getLogger("search")


class FallbackEngine(Engine):
    def __init__(self, primary, fallback):
        self.primary = primary
        self.fallback = fallback

    @property
    def name(self):
        return self.primary.name

    def search(self, query, size=None):
        return self._call("search", query, size)

    def autocomplete(self, text, limit=8):
        return self._call("autocomplete", text, limit)

    def _call(self, method, *args):
        try:
            return getattr(self.primary, method)(*args)
        except Exception as error:
            logger.warning(
                "Recherche : Elasticsearch indisponible (%s : %s), réponse par la base de données.",
                type(error).__name__,
                error,
            )
            return getattr(self.fallback, method)(*args)
