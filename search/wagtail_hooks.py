"""The offer search in the admin, for the editorial team: the synonyms (search.SynonymGroup) and the
report of searches without results (Rapports → Recherches sans résultat)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet

from metnum_site.snippets import SnippetViewSet

from .admin_views import ZeroResultSearchesView
from .models import SynonymGroup


class SynonymGroupViewSet(SnippetViewSet):
    model = SynonymGroup
    icon = "search"
    menu_label = "Synonymes"
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["terms", "updated_at"]
    list_per_page = 100


register_snippet(SynonymGroupViewSet)


@hooks.register("register_admin_urls")
def zero_result_searches_urls():
    view = ZeroResultSearchesView
    return [
        path("recherches-sans-resultat/", view.as_view(), name=view.index_url_name),
        path("recherches-sans-resultat/resultats/", view.as_view(results_only=True), name=view.index_results_url_name),
    ]


class ZeroResultSearchesMenuItem(MenuItem):
    def is_shown(self, request):
        return ZeroResultSearchesView.permission_policy.user_has_permission(request.user, "view")


@hooks.register("register_reports_menu_item")
def zero_result_searches_menu_item():
    return ZeroResultSearchesMenuItem(
        "Recherches sans résultat", reverse("zero_result_searches"), icon_name="search", order=900
    )
