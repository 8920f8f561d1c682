"""The dashboard panel: this week's figures (Monday to today), of the user's institutions only, or
of the whole site with its searches and alerts for the comms team."""

import datetime

from django.utils import timezone
from wagtail.admin.ui.components import Component

from jobs.permissions import user_institution_ids
from jobs.presenters import french_date

from . import figures


class WeekFiguresPanel(Component):
    name = "impact_week"
    template_name = "impact/admin/week_panel.html"
    order = 60

    def __init__(self, user):
        self.user = user

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        today = timezone.localdate()
        monday = today - datetime.timedelta(days=today.weekday())
        institution_ids = user_institution_ids(self.user)
        found = figures.totals(monday, today, institution_ids)
        context["since"] = french_date(monday)
        context["figures"] = [
            ("Consultations d'offres", found["views"]),
            ("Clics sur « Candidater »", found["apply_clicks"]),
            ("Taux de clic", figures.rate(found["apply_clicks"], found["views"])),
            ("Candidatures sur le site", found["applications"]),
        ]
        context["all_institutions"] = institution_ids is None
        if institution_ids is None:
            found_searches = figures.search_totals(monday, today)
            alerts = figures.alert_activity(monday, today)
            context["figures"] += [
                ("Recherches", found_searches["searches"]),
                ("Recherches sans résultat", found_searches["zero_result_searches"]),
                ("Alertes confirmées", alerts["confirmed"]),
            ]
        return context
