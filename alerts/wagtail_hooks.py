"""Rapports → « Alertes par e-mail » (counts) and « Personnes abonnées aux alertes » (addresses, with
the dedicated permission only)."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .admin_views import ADDRESS_PERMISSION, AlertActivityView, SubscribersView


@hooks.register("register_admin_urls")
def alert_report_urls():
    return [
        path("alertes/", AlertActivityView.as_view(), name=AlertActivityView.index_url_name),
        path(
            "alertes/resultats/",
            AlertActivityView.as_view(results_only=True),
            name=AlertActivityView.index_results_url_name,
        ),
        path("alertes/abonnes/", SubscribersView.as_view(), name=SubscribersView.index_url_name),
        path(
            "alertes/abonnes/resultats/",
            SubscribersView.as_view(results_only=True),
            name=SubscribersView.index_results_url_name,
        ),
    ]


class AlertActivityMenuItem(MenuItem):
    def is_shown(self, request):
        return AlertActivityView.permission_policy.user_has_permission(request.user, "view")


class SubscribersMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(ADDRESS_PERMISSION)


@hooks.register("register_reports_menu_item")
def alert_activity_menu_item():
    return AlertActivityMenuItem("Alertes par e-mail", reverse("alert_activity"), icon_name="mail", order=910)


@hooks.register("register_reports_menu_item")
def subscribers_menu_item():
    return SubscribersMenuItem(
        "Personnes abonnées aux alertes", reverse("alert_subscribers"), icon_name="user", order=920
    )
