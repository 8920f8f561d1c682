"""Admin views of the offers, plugged into the snippet viewset in wagtail_hooks.py.

Every offer listing (the page, its search/filter results and its exports) starts from
`JobOfferViewSet.get_queryset(request)`; every object view checks permissions through the
registered permission policy of JobOffer (`user_has_permission_for_instance`), so that a stricter
policy applies to these views as well as to Wagtail's own."""

import datetime
from functools import reduce, wraps
from operator import or_

from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.db.models import CharField, Q
from django.db.models.functions import Coalesce, Greatest
from django.http import Http404
from django.middleware.csrf import get_token
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin import messages
from wagtail.admin.ui.tables import BulkActionsCheckboxColumn, Column, DateColumn, StatusTagColumn, TitleColumn
from wagtail.admin.utils import get_latest_str
from wagtail.admin.views.generic import CopyViewMixin
from wagtail.admin.views.generic.base import BaseOperationView
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin
from wagtail.admin.widgets.button import BaseButton
from wagtail.permissions import policy_registry
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.bulk_actions.delete import DeleteBulkAction
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChosenMultipleView,
    SnippetChosenView,
)
from wagtail.snippets.views.snippets import CreateView, EditView, IndexView

from metnum_site.snippets import FullFormOnlyChooserViewSet
from metnum_site.upstream import multigetattr

from ..choices import OfferStatus
from ..indexing import deferred_offer_indexing
from ..models import JobOffer
from ..offer_actions import mark_filled, mark_filled_refusal, new_draft_copy
from ..permissions import permitted_offers
from ..quality import score_band
from .quality import QualityColumn, QualitySidePanel


def only_permitted_offer(view):
    """`view` for the offers the user may handle; 404 for the others (as for a missing offer).
    Anonymous users never get here: Wagtail's admin URLs send them to the login page first."""

    @wraps(view)
    def guarded_view(request, *args, pk, **kwargs):
        try:
            permitted = permitted_offers(request.user).filter(pk=unquote(str(pk))).exists()
        except (ValueError, TypeError):
            permitted = False
        if not permitted:
            raise Http404("Aucune offre de ce numéro parmi celles que vous gérez.")
        return view(request, *args, pk=pk, **kwargs)

    return guarded_view


def one_indexing_per_request(view):
    """`view` in one batch of offer changes: "Publish" saves the offer, then publishes it, and the
    indexes follow once, at the end (jobs.indexing)."""

    @wraps(view)
    def batched_view(request, *args, **kwargs):
        if request.method != "POST":
            return view(request, *args, **kwargs)
        with deferred_offer_indexing():
            return view(request, *args, **kwargs)

    return batched_view


def admin_listing_queryset():
    """Offers with everything the admin listing and its exports show, in a fixed number of queries:
    the status annotation, the latest title (draft included) and the last change."""
    return (
        JobOffer.objects.with_status()
        .annotate(
            listing_title=Coalesce("latest_revision__object_str", "title", output_field=CharField()),
            # Saving a draft only writes a revision, not the row's updated_at.
            last_updated_at=Greatest("updated_at", Coalesce("latest_revision__created_at", "updated_at")),
        )
        .select_related("institution", "profession")
        .prefetch_related("contract_types")
    )


def user_can_mark_filled(user, offer):
    """The permission rule of "Marquer comme pourvue", per offer: publishing rights when the offer
    is live (it is republished), editing rights otherwise."""
    permission = "publish" if offer.live else "change"
    return policy_registry.get_by_type(JobOffer).user_has_permission_for_instance(user, permission, offer)


def mark_filled_url(offer):
    return reverse(JobOffer.snippet_viewset.get_url_name("mark_filled"), args=[quote(offer.pk)])


class JobOfferIndexView(IndexView):
    add_item_label = "Ajouter une offre"
    default_ordering = "-last_updated_at"
    # Searched with the ORM: the search backend's autocomplete only covers the title, and it cannot
    # filter on the status annotation nor sort on the institution.
    search_backend_name = None
    search_fields = ["listing_title", "reference", "institution__name", "institution__acronym"]
    # Export: computed columns; every other name in list_export is read from the offer.
    export_values = {
        "status": lambda offer: offer.status.label,
        "contract_types": lambda offer: ", ".join(contract.label for contract in offer.contract_types.all()),
        "departement": lambda offer: offer.departement.label if offer.departement else "",
        "region": lambda offer: offer.region.name if offer.region else "",
        "quality_band": lambda offer: band.label if (band := score_band(offer.quality_score)) else "",
    }
    custom_value_preprocess = {
        **IndexView.custom_value_preprocess,
        datetime.datetime: {
            "csv": lambda value: timezone.localtime(value).strftime("%Y-%m-%d %H:%M"),
            "xlsx": lambda value: timezone.make_naive(value),
        },
    }

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(TitleColumn)
        return [
            BulkActionsCheckboxColumn("bulk_actions", obj_type="snippet"),
            title_column_class(
                "title",
                label="Intitulé",
                accessor="listing_title",
                sort_key="listing_title",
                get_url=lambda offer: self.get_edit_url(offer) or self.get_inspect_url(offer),
                get_title_id=lambda offer: f"snippet_{quote(offer.pk)}_title",
            ),
            Column("institution", label="Employeur", accessor="institution.name", sort_key="institution__name"),
            StatusTagColumn(
                "status",
                label="Statut",
                accessor=lambda offer: offer.status.label,
                primary=lambda offer: offer.status == OfferStatus.LIVE,
            ),
            Column("deadline", label="Date limite", sort_key="deadline"),
            QualityColumn("quality_score", label="Qualité", sort_key="quality_score"),
            DateColumn("last_updated_at", label="Mise à jour", sort_key="last_updated_at"),
        ]

    def order_queryset(self, queryset):
        # A unique last key keeps pagination stable when many offers share a deadline or institution.
        queryset = super().order_queryset(queryset)
        return queryset.order_by(*queryset.query.order_by, "-pk")

    def search_queryset(self, queryset):
        """Each word must appear in the title, the reference or the employer's name or acronym."""
        for word in self.search_query.split():
            queryset = queryset.filter(
                reduce(or_, (Q(**{f"{field}__icontains": word}) for field in self.search_fields))
            )
        return queryset

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if not instance.filled_at and user_can_mark_filled(self.request.user, instance):
            buttons.append(MarkFilledButton(mark_filled_url(instance), next_url=self.listing_url, priority=25))
        return buttons

    @cached_property
    def listing_url(self):
        """Where to come back after an action started from a row: this listing, same filters."""
        params = self.request.GET.copy()
        for key in ("_w_filter_fragment", "export"):
            params.pop(key, None)
        return f"{self.index_url}?{params.urlencode()}" if params else self.index_url

    def to_row_dict(self, item):
        return {
            field: self.export_values[field](item) if field in self.export_values else multigetattr(item, field)
            for field in self.list_export
        }

    def get_filename(self):
        return f"{self.export_filename}-{timezone.localdate():%Y-%m-%d}"

    def stream_csv(self, queryset):
        # A byte order mark, so that spreadsheet software opens the accents right.
        yield "\ufeff"
        yield from super().stream_csv(queryset)


class MarkFilledButton(BaseButton):
    """A "More" menu entry that posts to the mark-filled view (a link would be a GET)."""

    template_name = "jobs/admin/mark_filled_button.html"
    allow_in_dropdown = True
    label = "Marquer comme pourvue"
    icon_name = "success"

    def __init__(self, url, next_url="", **kwargs):
        super().__init__(url=url, **kwargs)
        self.next_url = next_url

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        context["csrf_token"] = get_token(parent_context["request"])
        context["next_url"] = self.next_url
        return context


class MarkFilledMenuItem(ActionMenuItem):
    """The entry of the edit view's action menu: submits the edit form to the mark-filled view
    (the form's other fields are ignored there: unsaved changes are not saved)."""

    name = "action-mark-filled"
    label = "Marquer comme pourvue"
    icon_name = "success"
    template_name = "jobs/admin/mark_filled_menu_item.html"

    def is_shown(self, context):
        instance = context.get("instance")
        return (
            context["view"] == "edit"
            and not context.get("locked_for_user")
            and instance is not None
            and not instance.filled_at
            and user_can_mark_filled(context["request"].user, instance)
        )

    def get_url(self, parent_context):
        return mark_filled_url(parent_context["instance"])


class MarkFilledView(PermissionCheckedMixin, BaseOperationView):
    """POST only: marks the offer filled today (see offer_actions.mark_filled)."""

    model = JobOffer
    permission_required = "change"
    http_method_names = ["post"]

    def user_can_mark_filled(self):
        return user_can_mark_filled(self.request.user, self.object)

    def post(self, request, *args, **kwargs):
        if not self.user_can_mark_filled():
            raise PermissionDenied
        if refusal := mark_filled_refusal(self.object, request.user):
            messages.error(request, refusal)
            return redirect(self.get_success_url())
        mark_filled(self.object, user=request.user)
        self.add_success_message()
        return redirect(self.get_success_url())

    def get_success_message(self):
        if self.object.live:
            return f"Offre « {self.object} » marquée comme pourvue et republiée : sa page publique l'indique."
        return f"Offre « {self.object} » marquée comme pourvue."


def fields_by_tab(panel):
    """{field name: tab heading} of a tabbed edit handler (empty when it has no tabs)."""
    return {
        name: str(tab.heading)
        for tab in getattr(panel, "children", [])
        if tab.heading
        for name in tab.get_form_options().get("fields", [])
    }


def errors_summary(form, panel):
    """Where the errors are, for the message above the form: each field's label and tab, since the
    fields are spread over several tabs and a new editor sees only the open one."""
    tabs = fields_by_tab(panel)
    places = []
    for name in form.errors:
        if name in form.fields:
            label = form.fields[name].label or name
            quoted = f"«\u00a0{label}\u00a0»"
            places.append(f"{quoted} (onglet {tabs[name]})" if name in tabs else quoted)
        else:
            places.append("le message en haut du formulaire")
    separator = "\u00a0; "
    return f"À corriger\u00a0: {separator.join(places)}." if places else ""


class OfferFormMessagesMixin:
    """French messages of the offer's create and edit views: the fields and tabs to correct, and
    success messages that say what happened to the offer (Wagtail's generic ones fit no gender)."""

    def is_valid(self, form):
        self.form = form  # for get_error_message, which Wagtail calls from here
        return super().is_valid(form)

    def get_error_message(self):
        message = super().get_error_message()
        form = getattr(self, "form", None)
        if message is None or self.expects_json_response or form is None:
            return message
        return f"{message} {errors_summary(form, self.panel)}".strip()

    def get_success_message(self, instance=None):
        offer = instance or self.object
        title = f"«\u00a0{get_latest_str(offer)}\u00a0»"
        created = self.view_name == "create"
        if self.action == "publish":
            if offer.go_live_at and offer.go_live_at > timezone.now():
                moment = timezone.localtime(offer.go_live_at)
                return f"Offre {title} : mise en ligne programmée le {moment:%d/%m/%Y à %H:%M}."
            return f"Offre {title} créée et publiée." if created else f"Offre {title} publiée."
        if self.action == "submit":
            return f"Offre {title} envoyée en validation."
        if self.action in ("create", "edit"):
            return f"Offre {title} créée (brouillon)." if created else f"Offre {title} enregistrée."
        return super().get_success_message(instance)


class QualitySidePanelMixin:
    def get_side_panels(self):
        side_panels = super().get_side_panels()
        side_panels.append(QualitySidePanel(self.form.instance, self.request))
        return side_panels


class JobOfferCreateView(QualitySidePanelMixin, OfferFormMessagesMixin, CreateView):
    error_message = "L'offre n'a pas pu être créée : corrigez les erreurs signalées dans le formulaire."

    def get_breadcrumbs_items(self):
        items = super().get_breadcrumbs_items()
        return [*items[:-1], {**items[-1], "label": "Nouvelle offre d'emploi"}]


class JobOfferEditView(QualitySidePanelMixin, OfferFormMessagesMixin, EditView):
    error_message = "L'offre n'a pas pu être enregistrée : corrigez les erreurs signalées dans le formulaire."


class JobOfferCopyView(CopyViewMixin, JobOfferCreateView):
    """The creation form, filled from the copied offer as a new draft (see offer_actions.new_draft_copy)."""

    def get_initial_form_instance(self):
        return new_draft_copy(self.get_object())


# The offer chooser (used by the editorial blocks) only lists the offers the user may handle.


class PermittedOffersChooseMixin:
    def get_object_list(self):
        return permitted_offers(self.request.user, super().get_object_list())


class JobOfferChooseView(PermittedOffersChooseMixin, ChooseView):
    pass


class JobOfferChooseResultsView(PermittedOffersChooseMixin, ChooseResultsView):
    pass


class JobOfferChosenView(SnippetChosenView):
    def get_object(self, pk):
        return permitted_offers(self.request.user).get(pk=pk)


class JobOfferChosenMultipleView(SnippetChosenMultipleView):
    def get_objects(self, pks):
        return permitted_offers(self.request.user).filter(pk__in=pks)


class JobOfferChooserViewSet(FullFormOnlyChooserViewSet):
    choose_view_class = JobOfferChooseView
    choose_results_view_class = JobOfferChooseResultsView
    chosen_view_class = JobOfferChosenView
    chosen_multiple_view_class = JobOfferChosenMultipleView


class JobOfferDeleteBulkAction(DeleteBulkAction):
    """Wagtail's bulk deletion, refused (404) when the ids name an offer the user may not handle:
    Wagtail's own would skip it but still show its title. "All" means all the user's offers."""

    models = [JobOffer]

    def dispatch(self, request, *args, **kwargs):
        ids = [value for value in request.GET.getlist("id") if value != "all"]
        try:
            permitted = permitted_offers(request.user).filter(pk__in=ids).count() == len(set(ids))
        except (ValueError, TypeError):
            permitted = False
        if not permitted:
            raise Http404("Aucune offre de ces numéros parmi celles que vous gérez.")
        return super().dispatch(request, *args, **kwargs)

    def get_all_objects_in_listing_query(self, parent_id):
        return permitted_offers(self.request.user).values_list("pk", flat=True)
