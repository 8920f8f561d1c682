from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, render
from dsfr.utils import list_pages

from .models import JobOffer
from .presenters import OfferPage, offer_card

OFFERS_PER_PAGE = 20


def page_number(value):
    """The requested page number; 1 for anything that is not a positive whole number."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return max(number, 1)


def offer_list(request):
    """/offres/: the open offers, newest first. A page number past the end shows the last page."""
    paginator = Paginator(JobOffer.objects.open().for_listing(), OFFERS_PER_PAGE)
    page = paginator.get_page(page_number(request.GET.get("page")))
    if paginator.num_pages > 1:
        list_pages(page)
    return render(
        request,
        "jobs/offer_list.html",
        {
            "page_obj": page,
            "cards": [offer_card(offer) for offer in page],
            "open_count": paginator.count,
            "breadcrumb_data": {"links": [], "current": "Offres"},
        },
    )


def offer_detail(request, slug):
    """/offres/<slug>/: an open offer, or a closed one that keeps its page (see `with_public_page`)."""
    offer = get_object_or_404(JobOffer.objects.with_public_page().for_detail(), slug=slug)
    similar = list(JobOffer.objects.for_listing().similar_to(offer))
    page = OfferPage(offer, request, is_open=offer.open_now, similar=similar)
    return render(request, "jobs/offer_detail.html", page.context())
