"""Rapports → « Alertes par e-mail » (counts) and « Personnes abonnées aux alertes » (addresses, with
the dedicated permission only)."""

from django.urls import reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from metnum_site.reports import report_urls

from .admin_views import ADDRESS_PERMISSION, AlertActivityView, SubscribersView


@hooks.register("register_admin_urls")
def alert_report_urls():
    return report_urls("alertes/", AlertActivityView) + report_urls("alertes/abonnes/", SubscribersView)


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
