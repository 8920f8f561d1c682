"""The candidate search views: /offres/ (the faceted offer search), /offres/suggestions (autocomplete
JSON), /offres/communes (the communes of "autour de") and /recherche/ (site-wide search: offers and
editorial pages ranked together)."""

from dataclasses import asdict

from django.http import JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode

from jobs import geography
from metnum_site.pagination import page_of

from . import events
from . import site_search as site_search_results
from .engines import get_engine
from .presenters import offers_url, search_context
from .query import MAX_TEXT_LENGTH, OfferQuery, clean_text

SUGGESTIONS_LIMIT = 8
PLACES_LIMIT = 10
SITE_SEARCH_PAGE_SIZE = 10


def offer_search(request):
    """/offres/: one engine search per request; every link of the page is built from the query."""
    query = OfferQuery.from_querydict(request.GET)
    results = get_engine().search(query)
    if query.page == 1:
        events.offer_search_run.send(sender=offer_search, request=request, text=query.text, total=results.total)
    return render(request, "search/offer_search.html", search_context(query, results))


def suggestions(request):
    """/offres/suggestions?q=…: {"suggestions": [{"label", "url", "kind"}, …]}, 8 at most."""
    found = get_engine().autocomplete(request.GET.get("q", ""), limit=SUGGESTIONS_LIMIT)
    response = JsonResponse({"suggestions": [asdict(suggestion) for suggestion in found]})
    response["X-Robots-Tag"] = "noindex"
    return response


def places(request):
    """/offres/communes?q=…: {"communes": [label, …]}, the communes an "autour de" field proposes."""
    found = geography.places_starting(clean_text(request.GET.get("q", ""))[:100], limit=PLACES_LIMIT)
    response = JsonResponse({"communes": [place.label for place in found]})
    response["X-Robots-Tag"] = "noindex"
    return response


def site_search(request):
    """/recherche/?q=…&type=…: offers, stories, guides and employer pages ranked together, with a tab
    per type (search/site_search.py)."""
    text = clean_text(request.GET.get("q", ""))[:MAX_TEXT_LENGTH]
    kind = request.GET.get("type", "")
    kind = kind if kind in site_search_results.TYPES else ""
    context = {"text": text, "breadcrumb_data": {"links": [], "current": "Recherche"}}
    if text:
        found = site_search_results.search_site(text)
        page_obj, page_notice = page_of(found.of_kind(kind), SITE_SEARCH_PAGE_SIZE, request.GET.get("page"))
        offers_query = OfferQuery(text=text)
        context.update(
            page_obj=page_obj,
            page_notice=page_notice,
            results=page_obj.object_list,
            kind=kind,
            kind_label=site_search_results.TYPES[kind][0] if kind else "",
            tabs=site_search_tabs(text, kind, found),
            summary=f"Pour «\u00a0{text}\u00a0» : {results_label(found.total)}.",
            offers_total=found.offers_total,
            offers_url=offers_url(offers_query),
        )
    return render(request, "search/site_search.html", context)


def results_label(total):
    return "aucun résultat" if not total else f"{total} résultat{'s' if total > 1 else ''}"


def site_search_tabs(text, current, found):
    """One link per type (and "Tout") with its count; the current one marked."""
    tabs = [("", "Tout", found.total)]
    tabs += [(kind, label, found.counts[kind]) for kind, (label, _) in site_search_results.TYPES.items()]
    return [
        {
            "label": label,
            "count": count,
            "url": f"{reverse('site_search')}?{urlencode({'q': text, **({'type': kind} if kind else {})})}",
            "current": kind == current,
        }
        for kind, label, count in tabs
    ]
