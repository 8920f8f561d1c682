"""The quality score in the offer editor: its side panel, the endpoint that scores the form as typed
(static/js/offer-quality.js posts it), and the admin of the internal acronyms. The rules themselves
are in jobs/quality.py."""

from django.core.exceptions import PermissionDenied
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_POST
from wagtail.admin.ui.side_panels import BaseSidePanel
from wagtail.admin.ui.tables import Column
from wagtail.permission_policies import ModelPermissionPolicy

from metnum_site.snippets import SnippetViewSet

from .. import quality
from ..models import InternalAcronym, JobOffer, internal_acronyms
from ..permissions import job_offer_permission_policy, manages_all_offers

PANEL_TEMPLATE = "jobs/admin/quality_panel.html"


def quality_url(offer):
    """The live endpoint for `offer` (unsaved: the one for a new offer)."""
    viewset = JobOffer.snippet_viewset
    if offer.pk is None:
        return reverse(viewset.get_url_name("quality_new"))
    return reverse(viewset.get_url_name("quality"), args=[offer.pk])


class QualitySidePanel(BaseSidePanel):
    """The checks of the offer as last saved; the script updates them as the editor types."""

    class SidePanelToggle(BaseSidePanel.SidePanelToggle):
        aria_label = "Afficher ou masquer la qualité de l'offre"
        icon_name = "tasks"

        def get_context_data(self, parent_context):
            context = super().get_context_data(parent_context)
            context["count"] = len(self.panel.quality.failed)
            return context

    name = "qualite"
    title = "Qualité de l'offre"
    template_name = "jobs/admin/quality_side_panel.html"
    order = 320

    class Media:
        js = ["js/offer-quality.js"]

    def __init__(self, object, request):
        super().__init__(object, request)
        self.quality = object.quality()

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context.update(quality=self.quality, quality_url=quality_url(self.object))
        return context


def quality_response(request, offer):
    """The checks of the offer `offer` as posted by its edit form (saved or not): JSON with the
    score, the band, each check and the panel's HTML. Nothing is saved."""
    viewset = JobOffer.snippet_viewset
    form_class = viewset.get_edit_handler().get_form_class()
    form = form_class(request.POST, instance=offer, for_user=request.user)
    form.is_valid()  # the rules read what validates; an invalid field counts as empty
    publication_date = offer.publication_date()
    result = quality.evaluate(quality.form_values(form), publication_date, internal_acronyms())
    html = render_to_string(PANEL_TEMPLATE, {"quality": result}, request=request)
    return JsonResponse({**result.as_dict(), "html": html})


@require_POST
def new_offer_quality(request):
    if not job_offer_permission_policy.user_has_permission(request.user, "add"):
        raise PermissionDenied
    return quality_response(request, JobOffer())


@require_POST
def offer_quality(request, pk):
    """Behind only_permitted_offer (viewsets.py) like every URL of an offer: another institution's
    offer answers 404."""
    offer = get_object_or_404(JobOffer, pk=pk)
    if not job_offer_permission_policy.user_has_permission_for_instance(request.user, "change", offer):
        raise Http404("Aucune offre de ce numéro parmi celles que vous gérez.")
    return quality_response(request, offer.get_latest_revision_as_object())


class QualityColumn(Column):
    """« 72 – Correcte », sortable on the stored score."""

    def get_value(self, instance):
        score = instance.quality_score
        if score is None:
            return "—"
        return f"{score} – {quality.score_band(score).label}"


class InternalAcronymPermissionPolicy(ModelPermissionPolicy):
    """The editorial team edits the list; every offer editor reads it."""

    def __init__(self):
        super().__init__(InternalAcronym)

    def user_has_permission(self, user, action):
        if not user.is_active:
            return False
        if action == "view":
            return manages_all_offers(user) or job_offer_permission_policy.user_has_any_permission(
                user, ["add", "change"]
            )
        return manages_all_offers(user)

    def users_with_any_permission(self, actions, exclude_superusers=False):
        return job_offer_permission_policy.users_with_any_permission(["add", "change"])


internal_acronym_permission_policy = InternalAcronymPermissionPolicy()


class InternalAcronymViewSet(SnippetViewSet):
    model = InternalAcronym
    icon = "help"
    menu_label = "Sigles internes"
    menu_name = "sigles-internes"
    list_display = ["acronym", "meaning"]
    search_backend_name = None
    search_fields = ["acronym", "meaning"]
