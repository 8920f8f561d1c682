"""The admin reports of the email alerts: weekly counts for the comms team (alerts.view_alertactivity),
and the addresses only for those who hold alerts.view_subscriber_address (to answer a person who asks
what is kept about them, or to delete it)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Min, Q
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView
from wagtail.permission_policies import ModelPermissionPolicy

from jobs.presenters import french_date

from . import stats
from .models import AlertActivity, Subscriber

ADDRESS_PERMISSION = "alerts.view_subscriber_address"


class AlertActivityView(ReportView):
    page_title = "Alertes par e-mail"
    header_icon = "mail"
    index_url_name = "alert_activity"
    index_results_url_name = "alert_activity_results"
    permission_policy = ModelPermissionPolicy(AlertActivity)
    permission_required = "view"
    paginate_by = stats.REPORT_WEEKS
    columns = [
        Column("week_label", label="Semaine"),
        Column("demande", label="Demandes d'inscription"),
        Column("confirmation", label="Confirmations"),
        Column("desinscription", label="Désinscriptions"),
    ]
    list_export = ["week", "demande", "confirmation", "desinscription"]
    export_headings = {
        "week": "Semaine du",
        "demande": "Demandes d'inscription",
        "confirmation": "Confirmations",
        "desinscription": "Désinscriptions",
    }

    def get_queryset(self):
        return [{**row, "week_label": f"Semaine du {french_date(row['week'])}"} for row in stats.weekly()]

    def get_filename(self):
        return "alertes-par-semaine"


class SubscribersView(ReportView):
    page_title = "Personnes abonnées aux alertes"
    header_icon = "user"
    index_url_name = "alert_subscribers"
    index_results_url_name = "alert_subscribers_results"
    permission_policy = ModelPermissionPolicy(Subscriber)
    paginate_by = 50
    columns = [
        Column("email", label="Adresse e-mail"),
        Column("alert_count", label="Alertes"),
        Column("confirmed_count", label="Confirmées"),
        DateColumn("created_at", label="Inscrite le"),
        DateColumn("first_alert", label="Première alerte demandée le"),
    ]
    list_export = []  # no file of addresses leaves the admin

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(ADDRESS_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        subscribers = Subscriber.objects.annotate(
            alert_count=Count("alerts"),
            confirmed_count=Count("alerts", filter=Q(alerts__confirmed_at__isnull=False)),
            first_alert=Min("alerts__created_at"),
        ).order_by("email")
        text = self.request.GET.get("q", "").strip().lower()
        return subscribers.filter(email__contains=text) if text else subscribers
