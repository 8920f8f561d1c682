"""« Offres liées » on stories and guides: open offers that share the page's profession, its
institution, or one of its themes (a theme matches an offer whose profession or one of whose skills
bears its name, case aside). Read from the tags the editors already set."""

from django.db.models import Q

from jobs.models import JobOffer
from jobs.presenters import offer_card

RELATED_OFFERS = 4


def related_offers(*, profession=None, institution=None, themes=(), limit=RELATED_OFFERS):
    """The newest open offers related to a page, at most `limit`."""
    condition = Q()
    if profession is not None:
        condition |= Q(profession=profession)
    if institution is not None:
        condition |= Q(institution=institution)
    for name in {theme.name for theme in themes}:
        condition |= Q(profession__name__iexact=name) | Q(skills__name__iexact=name)
    if not condition:
        return []
    matching = JobOffer.objects.open().filter(condition).values("pk")
    return list(JobOffer.objects.filter(pk__in=matching).for_listing().order_by("-first_published_at", "-pk")[:limit])


def related_offer_cards(**kwargs):
    return [offer_card(offer, "h3") for offer in related_offers(**kwargs)]
