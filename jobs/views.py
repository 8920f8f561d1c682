from django.shortcuts import get_object_or_404, render

from .models import JobOffer
from .presenters import OfferPage

INSTITUTION_STORIES = 3


def offer_detail(request, slug):
    """/offres/<slug>/: an open offer, or a closed one that keeps its page (see `with_public_page`)."""
    offer = get_object_or_404(JobOffer.objects.with_public_page().for_detail(), slug=slug)
    similar = list(JobOffer.objects.for_listing().similar_to(offer))
    # The institution's stories, through the reverse relation: jobs does not import editorial.
    stories = list(offer.institution.stories.live().order_by("-date", "-pk")[:INSTITUTION_STORIES])
    page = OfferPage(offer, request, is_open=offer.open_now, similar=similar, stories=stories)
    return render(request, "jobs/offer_detail.html", page.context())
