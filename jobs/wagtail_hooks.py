"""Registers the offers' admin with Wagtail: the permission policy, the menu (wagtail_admin/viewsets.py),
the « Marquer comme pourvue » action, the dashboard panel and the bulk deletion."""

from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .models import InternalAcronym, JobOffer
from .offer_actions import MARK_FILLED_ACTION
from .permissions import job_offer_permission_policy
from .wagtail_admin.dashboard import MyOffersPanel
from .wagtail_admin.quality import internal_acronym_permission_policy
from .wagtail_admin.views import JobOfferDeleteBulkAction, MarkFilledMenuItem

# Before the viewsets register: every offer view, button and bulk action asks this policy.
register_permission_policy(JobOffer, job_offer_permission_policy)
register_permission_policy(InternalAcronym, internal_acronym_permission_policy)

from .wagtail_admin.viewsets import JobsViewSetGroup  # noqa: E402  (after the policy, on purpose)

register_snippet(JobsViewSetGroup)


@hooks.register("register_snippet_action_menu_item")
def register_mark_filled_menu_item(model):
    if model is JobOffer:
        return MarkFilledMenuItem(order=25)
    return None


@hooks.register("construct_snippet_action_menu")
def publish_first(menu_items, request, context):
    """The main button is « Publier » for those who may publish (Wagtail hides it in the menu, under
    « Enregistrer le brouillon », which stays one click away)."""
    publish = next((item for item in menu_items if item.name == "action-publish"), None)
    if publish is not None:
        menu_items.remove(publish)
        menu_items.insert(0, publish)


@hooks.register("register_log_actions")
def register_offer_log_actions(actions):
    actions.register_action(MARK_FILLED_ACTION, "Marquée comme pourvue", "Offre marquée comme pourvue")


@hooks.register("construct_homepage_panels")
def add_my_offers_panel(request, panels):
    if job_offer_permission_policy.user_has_any_permission(request.user, ["add", "change", "publish"]):
        panels.insert(0, MyOffersPanel(request.user))


# After wagtail.snippets' own (order), so that it replaces it for offers.
hooks.register("register_bulk_action", JobOfferDeleteBulkAction, order=1)
