from django.shortcuts import get_object_or_404, render

from .models import JobOffer
from .presenters import OfferPage


def offer_detail(request, slug):
    """/offres/<slug>/: an open offer, or a closed one that keeps its page (see `with_public_page`)."""
    offer = get_object_or_404(JobOffer.objects.with_public_page().for_detail(), slug=slug)
    similar = list(JobOffer.objects.for_listing().similar_to(offer))
    page = OfferPage(offer, request, is_open=offer.open_now, similar=similar)
    return render(request, "jobs/offer_detail.html", page.context())
