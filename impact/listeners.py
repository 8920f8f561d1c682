"""What impact hears from the apps below it, which do not import it: a search run (search.events).
Alert subscriptions and confirmations are already counted per day by the alerts app (alerts.stats,
AlertActivity), which the reports read."""

import contextlib
import hashlib

from django.conf import settings
from django.core.cache import cache

from search import events

SEARCH_KEY_LIFE_MARGIN = 60


def search_key(request):
    """The cache key of what a search address found, read back when its page comes from the page cache."""
    digest = hashlib.sha256(request.get_full_path().encode()).hexdigest()
    return f"impact:search-page:{digest}"


def search_run(sender, request, text, total, **kwargs):
    request.impact_search = (text, total)
    # A cache down: the count is lost if the page is later served from the cache; the page is not.
    with contextlib.suppress(Exception):
        cache.set(search_key(request), (text, total), settings.PAGE_CACHE_TIMEOUT + SEARCH_KEY_LIFE_MARGIN)


def connect():
    events.offer_search_run.connect(search_run, dispatch_uid="impact_search_run")
