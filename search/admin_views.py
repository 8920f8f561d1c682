"""The admin report of searches without results, for the editorial team (search/zero_results.py)."""

import datetime

from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from . import zero_results
from .models import ZeroResultSearch


class ZeroResultSearchesView(ReportView):
    page_title = "Recherches sans résultat"
    header_icon = "search"
    index_url_name = "zero_result_searches"
    index_results_url_name = "zero_result_searches_results"
    permission_policy = ModelPermissionPolicy(ZeroResultSearch)
    permission_required = "view"
    paginate_by = 100
    columns = [
        Column("text", label="Texte cherché"),
        Column("searches", label=f"Recherches ({zero_results.REPORT_DAYS} derniers jours)"),
        DateColumn("last_day", label="Dernière recherche"),
    ]
    list_export = ["text", "searches", "last_day"]
    export_headings = {"text": "Texte cherché", "searches": "Recherches", "last_day": "Dernière recherche"}

    def get_queryset(self):
        return zero_results.most_frequent()

    def get_filename(self):
        return f"recherches-sans-resultat-{datetime.date.today():%Y-%m-%d}"
