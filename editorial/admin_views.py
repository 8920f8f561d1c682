"""Wagtail's stock admin views, fenced per institution (admin_scope.py says who sees what).

Routed by admin_urls.py ahead of Wagtail's own patterns at the same addresses, except the admin
API endpoints, which replace Wagtail's through the construct_admin_api hook."""

from django.apps import apps
from django.contrib.auth import get_user_model
from django.http import Http404
from wagtail.log_actions import registry as log_action_registry
from wagtail.models import Page

from metnum_site.upstream import admin_view_parts

from .admin_scope import visible_instances, visible_log_entries, visible_pages

stock = admin_view_parts()  # the stock Wagtail views and registries fenced here


class ScopedSiteHistoryFilterSet(stock.SiteHistoryFilterSet):
    def get_user_choices(self):
        user = self.request.user
        user_ids = set()
        for log_model in log_action_registry.get_log_entry_models():
            user_ids.update(visible_log_entries(user, log_model.objects.viewable_by_user(user)).get_user_ids())
        User = get_user_model()
        return User.objects.filter(pk__in=user_ids).order_by(User.USERNAME_FIELD)


class ScopedSiteHistoryView(stock.SiteHistory):
    """Reports › Site history and its CSV/XLSX exports, without other institutions' entries."""

    filterset_class = ScopedSiteHistoryFilterSet

    def filter_queryset(self, queryset):
        # Called once per log model, on the rows that Wagtail's model permissions let through.
        return super().filter_queryset(visible_log_entries(self.request.user, queryset))


class ScopedPageTypesUsageView(stock.PageTypesUsage):
    """Reports › Page types usage: the counts stay site-wide (they name nothing), the "last edited
    page" column only names a page the user may see."""

    def decorate_paginated_queryset(self, page_types):
        page_types = super().decorate_paginated_queryset(page_types)
        named = [item.last_edited_page.pk for item in page_types if item.last_edited_page]
        visible = set(visible_pages(self.request.user).filter(pk__in=named).values_list("pk", flat=True))
        for item in page_types:
            if item.last_edited_page and item.last_edited_page.pk not in visible:
                item.last_edited_page = None
        return page_types


class ScopedChosenPagesView(stock.ChosenPages):
    """The page chooser's multiple selection, returning only pages the user may see."""

    def get(self, request):
        request.GET = request.GET.copy()
        request.GET.setlist("id", _visible_ids(request.user, Page, request.GET.getlist("id")))
        return super().get(request)


class ScopedExternalLinkView(stock.ExternalLink):
    """The link chooser's "external link" step. Pasting an address of the site turns it into a link
    to the page (WAGTAILADMIN_EXTERNAL_LINK_CONVERSION = "exact"); the page is then named by the
    title the public sees unless the user may see its drafts. A form posted without its address
    field is an invalid form (Wagtail's raises a server error)."""

    def post(self, request):
        field = f"{self.form_prefix}-{self.link_url_field_name}"
        if field not in request.POST:
            request.POST = request.POST.copy()
            request.POST[field] = ""
        return super().post(request)

    def render_chosen_response(self, result):
        if "id" in result and not visible_pages(self.request.user).filter(pk=result["id"]).exists():
            result = {**result, "adminTitle": Page.objects.get(pk=result["id"]).title}
        return super().render_chosen_response(result)


def _visible_ids(user, model, ids):
    """Of `ids` (text from a query string, or keys), those of objects of `model` that `user` may see."""
    queryset = visible_instances(user, model)
    if queryset is None:
        return [str(pk) for pk in ids]
    wellformed = [pk for pk in ids if str(pk).isdigit()]
    return [str(pk) for pk in queryset.filter(pk__in=wellformed).values_list("pk", flat=True)]


def bulk_action(request, app_label, model_name, action):
    """Wagtail's bulk action view, refused (404) when it names an object the user may not see: its
    confirmation page would list it by title ("you do not have permission to…"). "Select all"
    (id=all) is expanded here to the objects of the listing that the user may see."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    action_class = stock.bulk_action_registry.get_bulk_action_class(app_label, model_name, action)
    if action_class is None:
        raise Http404
    requested = request.GET.getlist("id")
    if "all" in requested:
        listed = action_class(request, model).get_all_objects_in_listing_query(request.GET.get("childOf"))
        ids = _visible_ids(request.user, model, listed)
    else:
        ids = _visible_ids(request.user, model, requested)
        if len(ids) < len(set(requested)):
            raise Http404
    if not ids:
        raise Http404
    request.GET = request.GET.copy()
    request.GET.setlist("id", ids)
    return action_class(request, model).dispatch(request)


class WellFormedFindMixin:
    """The admin API's find view answers "not found" to an id that is not a number (Wagtail's raises
    a server error)."""

    def find_object(self, queryset, request):
        if "id" in request.GET and not request.GET["id"].isdigit():
            raise Http404("not found")
        return super().find_object(queryset, request)


class ScopedPagesAdminAPIViewSet(WellFormedFindMixin, stock.PagesAPI):
    pass  # Wagtail already limits it to the pages the user may explore.


class ScopedImagesAdminAPIViewSet(WellFormedFindMixin, stock.ImagesAPI):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=visible_instances(self.request.user, self.model).values("pk"))


class ScopedDocumentsAdminAPIViewSet(WellFormedFindMixin, stock.DocumentsAPI):
    def get_queryset(self):
        return super().get_queryset().filter(pk__in=visible_instances(self.request.user, self.model).values("pk"))
