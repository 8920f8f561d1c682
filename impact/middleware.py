"""Counts offer page views and offer searches, including the pages the public page cache serves
without running their view: placed just outside metnum_site.page_cache's middleware. Sets no cookie,
reads no address; robots and HEAD requests are not counted (counters.countable)."""

import logging

from django.core.cache import cache
from django.urls import Resolver404, resolve

from . import counters, listeners

logger = logging.getLogger(__name__)

OFFER_PAGE = "jobs:offer_detail"
OFFER_SEARCH = "search:offers"
COUNTED_STATUSES = {200, 304}


class ImpactCountingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code in COUNTED_STATUSES and counters.countable(request):
            try:
                self.count(request)
            except Exception:
                logger.exception("Mesure d'impact : une consultation n'a pas été comptée.")
        return response

    def count(self, request):
        match = request.resolver_match  # None when the page came from the page cache
        if match is None:
            try:
                match = resolve(request.path_info)
            except Resolver404:
                return
        if match.view_name == OFFER_PAGE:
            counters.count_offer_view(match.kwargs["slug"])
        elif match.view_name == OFFER_SEARCH:
            found = getattr(request, "impact_search", None)
            if found is None and request.resolver_match is None:
                found = cache.get(listeners.search_key(request))
            if found is not None:
                counters.count_search(*found)
