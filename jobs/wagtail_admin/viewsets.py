"""The offers' admin menu: one snippet viewset per model, grouped under « Offres d'emploi »."""

from django.db.models import Count
from django.urls import path
from wagtail.admin.ui.tables import Column
from wagtail.snippets.views.snippets import IndexView, SnippetViewSetGroup

from metnum_site.snippets import SnippetViewSet

from ..models import Institution, JobOffer, Profession
from ..permissions import permitted_offers
from .filters import InstitutionFilterSet, JobOfferFilterSet
from .panels import INSTITUTION_EDIT_HANDLER, OFFER_EDIT_HANDLER, PROFESSION_EDIT_HANDLER
from .quality import InternalAcronymViewSet, new_offer_quality, offer_quality
from .views import (
    JobOfferChooserViewSet,
    JobOfferCopyView,
    JobOfferCreateView,
    JobOfferEditView,
    JobOfferIndexView,
    MarkFilledView,
    admin_listing_queryset,
    one_indexing_per_request,
    only_permitted_offer,
)


class JobOfferViewSet(SnippetViewSet):
    model = JobOffer
    icon = "doc-full"
    menu_label = "Offres"
    menu_name = "offres"
    index_view_class = JobOfferIndexView
    add_view_class = JobOfferCreateView
    edit_view_class = JobOfferEditView
    copy_view_class = JobOfferCopyView
    mark_filled_view_class = MarkFilledView
    copy_view_enabled = True
    chooser_viewset_class = JobOfferChooserViewSet
    filterset_class = JobOfferFilterSet
    export_filename = "offres-d-emploi"
    list_export = [
        "pk",
        "listing_title",
        "reference",
        "institution.name",
        "institution.acronym",
        "status",
        "profession",
        "contract_types",
        "get_category_display",
        "get_experience_level_display",
        "get_remote_display",
        "city",
        "postal_code",
        "departement",
        "region",
        "salary_min",
        "salary_max",
        "deadline",
        "quality_score",
        "quality_band",
        "first_published_at",
        "filled_at",
        "last_updated_at",
    ]
    export_headings = {
        "pk": "Identifiant",
        "listing_title": "Intitulé",
        "reference": "Référence",
        "institution.name": "Employeur",
        "institution.acronym": "Sigle",
        "status": "Statut",
        "profession": "Métier",
        "contract_types": "Types de contrat",
        "get_category_display": "Catégorie",
        "get_experience_level_display": "Expérience",
        "get_remote_display": "Télétravail",
        "city": "Ville",
        "postal_code": "Code postal",
        "departement": "Département",
        "region": "Région",
        "salary_min": "Salaire minimum (€ brut annuel)",
        "salary_max": "Salaire maximum (€ brut annuel)",
        "deadline": "Date limite de candidature",
        "quality_score": "Score de qualité (sur 100)",
        "quality_band": "Qualité",
        "first_published_at": "Première publication",
        "filled_at": "Pourvue le",
        "last_updated_at": "Dernière modification",
    }

    def get_queryset(self, request):
        """The offers of the listing, its search results and its exports, for this request:
        only those of the user's institutions (all of them for the editorial team)."""
        return permitted_offers(request.user, admin_listing_queryset())

    @property
    def mark_filled_view(self):
        return self.construct_view(self.mark_filled_view_class, success_url_name=self.get_url_name("edit"))

    def get_urlpatterns(self):
        """Every URL about one offer (`pk`) answers 404 for an offer of another institution: Wagtail's
        own object views mostly check model-level permissions only, and URLs added later are covered.
        Every URL indexes the offers it changes once, when it is done (saving, then publishing)."""
        urlpatterns = [
            *super().get_urlpatterns(),
            path(f"mark-filled/<{self.pk_path_converter}:pk>/", self.mark_filled_view, name="mark_filled"),
            path("quality/", new_offer_quality, name="quality_new"),
            path(f"quality/<{self.pk_path_converter}:pk>/", offer_quality, name="quality"),
        ]
        for pattern in urlpatterns:
            if "pk" in pattern.pattern.regex.groupindex:
                pattern.callback = only_permitted_offer(pattern.callback)
            pattern.callback = one_indexing_per_request(pattern.callback)
        return urlpatterns

    edit_handler = OFFER_EDIT_HANDLER


class InstitutionIndexView(IndexView):
    add_item_label = "Ajouter une institution"


class ProfessionIndexView(IndexView):
    add_item_label = "Ajouter un métier"


class InstitutionViewSet(SnippetViewSet):
    model = Institution
    index_view_class = InstitutionIndexView
    icon = "site"
    menu_label = "Institutions"
    menu_name = "institutions"
    list_display = ["name", "acronym", "kind", "parent", Column("offer_count", label="Offres", sort_key="offer_count")]
    list_per_page = 50
    filterset_class = InstitutionFilterSet
    search_backend_name = None
    search_fields = ["name", "acronym"]
    edit_handler = INSTITUTION_EDIT_HANDLER

    def get_queryset(self, request):
        return Institution.objects.select_related("parent").annotate(offer_count=Count("job_offers"))


class ProfessionViewSet(SnippetViewSet):
    model = Profession
    index_view_class = ProfessionIndexView
    icon = "tag"
    menu_label = "Métiers"
    menu_name = "metiers"
    list_display = ["name", "slug", "description", Column("offer_count", label="Offres", sort_key="offer_count")]
    search_backend_name = None
    search_fields = ["name", "description"]
    edit_handler = PROFESSION_EDIT_HANDLER

    def get_queryset(self, request):
        return Profession.objects.annotate(offer_count=Count("job_offers"))


class JobsViewSetGroup(SnippetViewSetGroup):
    menu_label = "Offres d'emploi"
    menu_icon = "doc-full"
    menu_name = "offres-d-emploi"
    menu_order = 200  # right after Pages
    items = (JobOfferViewSet, InstitutionViewSet, ProfessionViewSet, InternalAcronymViewSet)
