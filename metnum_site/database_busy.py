"""SQLite lets one writer at a time: another waits up to the busy timeout (SQLITE_TIMEOUT), then gets
"database is locked". A request that meets it gets a 503 page in the site's shell, saying to try again,
instead of an error 500 and a traceback in the logs."""

import logging

from django.db import OperationalError

from .error_pages import render_error_page

logger = logging.getLogger("metnum_site")

BUSY_MESSAGE = "La base de données est occupée par une autre écriture depuis trop longtemps."
RETRY_AFTER_SECONDS = 30


def is_database_busy(error):
    return isinstance(error, OperationalError) and "database is locked" in str(error)


def busy_response(request):
    """The 503 page in the site's shell, without the database."""
    logger.warning("Base de données occupée : %s %s refusée (503).", request.method, request.path)
    response = render_error_page("503.html", 503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseBusyMiddleware:
    """A view that meets a locked database answers 503 (metnum_site.views.server_error does the same
    for an error raised by a middleware)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if is_database_busy(exception):
            return busy_response(request)
        return None
