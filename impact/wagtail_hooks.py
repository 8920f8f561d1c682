"""Rapports → « Fréquentation des offres », « Fréquentation par institution », « Note mensuelle
d'impact » and « Recherches sans résultat » (comms team), and this week's figures on the dashboard."""

from django.urls import path, reverse
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from jobs.permissions import manages_all_offers
from metnum_site.reports import report_urls

from .admin_views import (
    InstitutionReportView,
    OfferReportView,
    ZeroResultSearchesView,
    may_see_figures,
    monthly_note,
)
from .dashboard import WeekFiguresPanel


@hooks.register("register_admin_urls")
def impact_urls():
    return [
        *report_urls("impact/offres/", OfferReportView),
        *report_urls("impact/institutions/", InstitutionReportView),
        path("impact/note-mensuelle/", monthly_note, name="impact_monthly_note"),
        *report_urls("recherches-sans-resultat/", ZeroResultSearchesView),
    ]


class FiguresMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_figures(request.user)


class CommsTeamMenuItem(MenuItem):
    def is_shown(self, request):
        return manages_all_offers(request.user)


@hooks.register("register_reports_menu_item")
def offers_report_menu_item():
    return FiguresMenuItem("Fréquentation des offres", reverse("impact_offers"), icon_name="view", order=700)


@hooks.register("register_reports_menu_item")
def institutions_report_menu_item():
    return FiguresMenuItem(
        "Fréquentation par institution", reverse("impact_institutions"), icon_name="group", order=710
    )


@hooks.register("register_reports_menu_item")
def monthly_note_menu_item():
    return CommsTeamMenuItem("Note mensuelle d'impact", reverse("impact_monthly_note"), icon_name="doc-full", order=720)


@hooks.register("construct_homepage_panels")
def add_week_figures_panel(request, panels):
    if may_see_figures(request.user):
        panels.append(WeekFiguresPanel(request.user))


@hooks.register("register_reports_menu_item")
def zero_result_searches_menu_item():
    return CommsTeamMenuItem("Recherches sans résultat", reverse("zero_result_searches"), icon_name="search", order=730)
