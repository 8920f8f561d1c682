"""/offres/<slug>/candidater/: counts a click on « Candidater », then forwards to the offer's
application form, or to an e-mail to its application address. Works without JavaScript."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render

from jobs.models import JobOffer
from jobs.presenters import OfferPage

from . import counters


class ApplyRedirect(HttpResponseRedirect):
    allowed_schemes = ["http", "https", "mailto"]


def apply(request, slug):
    offer = JobOffer.objects.with_public_page().filter(slug=slug).select_related("institution").first()
    if offer is None:
        raise Http404("Cette offre n'existe pas.")
    if not offer.open_now:
        return render(request, "impact/apply_closed.html", {"offer": offer}, status=404)
    link = OfferPage(offer, request, is_open=True).apply()
    # The form of this site when the institution receives its applications here (its button links to
    # the form directly; this address still leads there).
    target = link.get("metnum_url") or link["url"] or (link["email"] and link["email"]["url"])
    if not target:
        return render(request, "impact/apply_closed.html", {"offer": offer, "no_address": True}, status=404)
    if counters.countable(request):
        counters.count_apply_click(offer.slug)
    response = ApplyRedirect(target)
    response["X-Robots-Tag"] = "noindex"
    return response
