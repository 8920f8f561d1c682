"""The admin dashboard panel of the offers: the user's drafts, live offers and those closing soon."""

import datetime

from django.db.models import CharField
from django.db.models.functions import Coalesce
from django.utils import timezone
from wagtail.admin.ui.components import Component

from ..choices import OfferStatus
from ..models import JobOffer
from ..permissions import manages_all_offers, permitted_offers, user_institutions

CLOSING_SOON_DAYS = 14
PANEL_LENGTH = 5


class MyOffersPanel(Component):
    """Three short lists of the offers the user may handle (only their institutions' offers), each
    with its total: a fixed number of queries whatever the number of offers."""

    name = "my_offers"
    template_name = "jobs/admin/my_offers_panel.html"
    order = 50

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        offers = permitted_offers(self.user).annotate(
            admin_title=Coalesce("latest_revision__object_str", "title", output_field=CharField())
        )
        open_offers = offers.open()
        sections = [
            (
                "Brouillons",
                offers.with_status().filter(status_code=OfferStatus.DRAFT).order_by("-updated_at", "-pk"),
                "Aucun brouillon.",
            ),
            ("En ligne", open_offers.order_by("-first_published_at", "-pk"), "Aucune offre en ligne."),
            (
                f"Clôture dans les {CLOSING_SOON_DAYS} jours",
                open_offers.filter(deadline__lte=today + datetime.timedelta(days=CLOSING_SOON_DAYS)).order_by(
                    "deadline", "pk"
                ),
                f"Aucune offre ne se clôt dans les {CLOSING_SOON_DAYS} prochains jours.",
            ),
        ]
        context["heading"] = (
            "Offres d'emploi de toutes les institutions" if manages_all_offers(self.user) else "Vos offres d'emploi"
        )
        context["index_link_text"] = self.index_link_text()
        context["sections"] = [
            {
                "heading": heading,
                "offers": list(queryset.select_related("institution")[:PANEL_LENGTH]),
                "count": queryset.count(),
                "empty": empty,
            }
            for heading, queryset, empty in sections
        ]
        context["index_url_name"] = JobOffer.snippet_viewset.get_url_name("list")
        context["edit_url_name"] = JobOffer.snippet_viewset.get_url_name("edit")
        return context

    def index_link_text(self):
        """Says whose offers the listing shows: « vos offres » alone left a new editor wondering."""
        if manages_all_offers(self.user):
            return "Toutes les offres d'emploi, de toutes les institutions"
        names = [institution.short_name for institution in user_institutions(self.user)]
        if len(names) == 1:
            return f"Toutes les offres d'emploi de votre institution ({names[0]})"
        return f"Toutes les offres d'emploi de vos institutions ({', '.join(names)})"
