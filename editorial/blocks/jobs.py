"""Blocks that show live data from the jobs app: open offers and the employers that recruit.

Each runs a fixed number of queries whatever it shows, and "open" is always `JobOffer.objects.open()`.
"""

from django.utils.text import slugify
from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock

from editorial.presenters import institution_card
from jobs.models import JobOffer, offer_search_url
from jobs.presenters import offer_card

from .headings import TitledBlock
from .selection import chosen_or_automatic


def newest_open_offers(count, institution=None):
    offers = JobOffer.objects.open().for_listing()
    if institution is not None:
        offers = offers.filter(institution=institution)
    return list(offers.order_by("-first_published_at", "-pk")[:count])


class InstitutionOffersBlock(TitledBlock):
    """The newest open offers of an institution, and a link to all of them in the offer search."""

    institution = SnippetChooserBlock(
        "jobs.Institution",
        required=False,
        label="Employeur",
        help_text="Laissez vide sur une page employeur pour montrer ses propres offres.",
    )
    count = blocks.IntegerBlock(default=3, min_value=1, max_value=12, label="Nombre d'offres")

    has_item_headings = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        institution = value.get("institution") or getattr((parent_context or {}).get("page"), "institution", None)
        context["institution"] = institution
        if institution is None:
            context.update(cards=[], total=0)
            return context
        offers = newest_open_offers(value["count"], institution)
        context["cards"] = [offer_card(offer, value.item_heading_tag) for offer in offers]
        context["total"] = JobOffer.objects.open().filter(institution=institution).count()
        context["search_url"] = institution.offers_search_url
        return context

    class Meta:
        icon = "doc-full"
        label = "Offres ouvertes d'un employeur"
        group = "Offres"
        template = "blocks/institution_offers.html"


class LatestOffersBlock(TitledBlock):
    """The newest open offers of every employer. Shows nothing while no offer is open."""

    count = blocks.IntegerBlock(default=6, min_value=1, max_value=12, label="Nombre d'offres")

    has_item_headings = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["cards"] = [offer_card(offer, value.item_heading_tag) for offer in newest_open_offers(value["count"])]
        context["search_url"] = offer_search_url()
        context["section_id"] = slugify(value.get("heading", ""))
        return context

    class Meta:
        icon = "doc-full"
        label = "Dernières offres"
        group = "Offres"
        template = "blocks/latest_offers.html"


class FeaturedInstitutionsBlock(TitledBlock):
    """Chosen employer pages, or those with the most open offers."""

    pages = blocks.ListBlock(
        blocks.PageChooserBlock(page_type="editorial.InstitutionPage", label="Page employeur"),
        min_num=0,
        max_num=8,
        label="Employeurs choisis",
        help_text="Laissez vide pour montrer automatiquement ceux qui ont le plus d'offres ouvertes.",
    )
    count = blocks.IntegerBlock(default=4, min_value=1, max_value=8, label="Nombre d'employeurs")

    has_item_headings = True

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        institution_page = self.child_blocks["pages"].child_block.target_model
        pages = institution_page.objects.live().public().for_cards()
        pages = chosen_or_automatic(pages, value.get("pages"), ("-open_offer_count", "title"), value["count"])
        request = (parent_context or {}).get("request")
        context["cards"] = [institution_card(page, value.item_heading_tag, request) for page in pages]
        return context

    class Meta:
        icon = "site"
        label = "Employeurs à la une"
        group = "Offres"
        template = "blocks/featured_institutions.html"
