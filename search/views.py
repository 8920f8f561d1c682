"""The candidate search views: /offres/ (the faceted offer search), /offres/suggestions (autocomplete
JSON) and /recherche/ (site-wide search: editorial pages and the best offers)."""

from dataclasses import asdict

from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import render
from wagtail.models import Page

from editorial.models import GuidePage, InstitutionPage, StoryPage

from . import zero_results
from .engines import get_engine
from .presenters import count_label, offers_url, search_context
from .query import MAX_TEXT_LENGTH, OfferQuery, clean_text

SUGGESTIONS_LIMIT = 8
SITE_SEARCH_PAGE_SIZE = 10
SITE_SEARCH_OFFERS = 5
# The page types /recherche/ looks into, with the kind shown on each result.
SITE_SEARCH_TYPES = {StoryPage: "Témoignage", GuidePage: "Guide", InstitutionPage: "Employeur"}


def offer_search(request):
    """/offres/: one engine search per request; every link of the page is built from the query."""
    query = OfferQuery.from_querydict(request.GET)
    results = get_engine().search(query)
    if query.text and results.total == 0 and query.page == 1:
        zero_results.record(query.text, request.headers.get("User-Agent", ""))
    return render(request, "search/offer_search.html", search_context(query, results))


def suggestions(request):
    """/offres/suggestions?q=…: {"suggestions": [{"label", "url", "kind"}, …]}, 8 at most."""
    found = get_engine().autocomplete(request.GET.get("q", ""), limit=SUGGESTIONS_LIMIT)
    response = JsonResponse({"suggestions": [asdict(suggestion) for suggestion in found]})
    response["X-Robots-Tag"] = "noindex"
    return response


def site_search(request):
    """/recherche/?q=…: stories, guides and employer pages (Wagtail search), and the best offers."""
    text = clean_text(request.GET.get("q", ""))[:MAX_TEXT_LENGTH]
    context = {"text": text, "breadcrumb_data": {"links": [], "current": "Recherche"}}
    if text:
        page_obj = Paginator(matching_page_ids(text), SITE_SEARCH_PAGE_SIZE).get_page(request.GET.get("page"))
        shown = Page.objects.filter(pk__in=page_obj.object_list).specific().in_bulk()
        offer_query = OfferQuery(text=text)
        offers = get_engine().search(offer_query, size=SITE_SEARCH_OFFERS)
        context.update(
            page_obj=page_obj,
            results=[page_result(shown[pk]) for pk in page_obj.object_list if pk in shown],
            summary=(
                f"Pour «\u00a0{text}\u00a0» : {count_label(offers.total).lower()}"
                f" ouverte{'s' if offers.total > 1 else ''}"
                f" et {count_label(page_obj.paginator.count, 'page').lower()}."
            ),
            offers=offers.hits,
            offers_total=offers.total,
            offers_url=offers_url(offer_query),
        )
    return render(request, "search/site_search.html", context)


def matching_page_ids(text):
    """Ids of the live public stories, guides and employer pages matching the text: those matching
    in their title first (Wagtail's ranking would put a long page that repeats the word above the
    page named after it), then the others by relevance. There are at most a few hundred such pages."""
    pages = Page.objects.live().public().type(*SITE_SEARCH_TYPES).only("pk")
    in_titles = [page.pk for page in pages.search(text, fields=["title"])]
    seen = set(in_titles)
    return in_titles + [page.pk for page in pages.search(text) if page.pk not in seen]


def page_result(page):
    kind = next((label for model, label in SITE_SEARCH_TYPES.items() if isinstance(page, model)), "")
    return {"title": page.title, "url": page.url, "kind": kind, "description": page.search_description or page.intro}
