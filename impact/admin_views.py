"""The impact reports of the admin: per offer and per institution over a chosen period (Wagtail's
ReportView: table, CSV and XLSX export), and the monthly note for the minister (comms team only).
A ministry's editors see only their institutions' figures (jobs.permissions.user_institution_ids);
search texts and alert figures are the whole site's, so only the comms team sees them."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone
from django.utils.functional import cached_property
from wagtail.admin.ui.tables import Column, DateColumn
from wagtail.admin.views.reports import ReportView

from jobs.permissions import manages_all_offers, user_institution_ids
from jobs.presenters import french_date

from . import charts, counters, figures
from .models import SearchDailyCount
from .periods import MonthForm, PeriodForm, month_label


def may_see_figures(user):
    return manages_all_offers(user) or bool(user_institution_ids(user))


def _daily_chart(rows, title):
    labels = [row["day"].strftime("%d/%m") for row in rows]
    return charts.columns(
        title,
        f"Consultations et clics sur « Candidater » par jour, du {french_date(rows[0]['day'])} "
        f"au {french_date(rows[-1]['day'])} : le tableau qui suit donne chaque valeur.",
        labels,
        [
            ("Consultations", [row["views"] for row in rows]),
            ("Clics sur « Candidater »", [row["apply_clicks"] for row in rows]),
        ],
        label_every=max(1, len(rows) // 10),
    )


class ImpactReportView(ReportView):
    header_icon = "view"
    paginate_by = 50
    template_name = "impact/admin/report.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_figures(request.user):
            raise PermissionDenied
        counters.flush()  # the figures of the last minutes too (and, in development, of this process)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def period_form(self):
        return PeriodForm(self.request.GET)

    @cached_property
    def period(self):
        return self.period_form.period()

    @cached_property
    def institution_ids(self):
        return user_institution_ids(self.request.user)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = self.period
        daily = figures.per_day(start, end, self.institution_ids)
        query = self.request.GET.copy()
        query.pop("export", None)
        query.pop("p", None)
        context.update(
            period_form=self.period_form,
            period_label=f"du {french_date(start)} au {french_date(end)}",
            scope_label=self.scope_label(),
            totals={**figures.totals(start, end, self.institution_ids)},
            daily=daily,
            daily_chart=_daily_chart(daily, "Consultations et clics par jour"),
            export_query=query.urlencode(),
        )
        context["totals"]["apply_rate"] = figures.rate(context["totals"]["apply_clicks"], context["totals"]["views"])
        return context

    def scope_label(self):
        if self.institution_ids is None:
            return "Toutes les institutions."
        return "Les offres de votre institution seulement."


class OfferReportView(ImpactReportView):
    page_title = "Fréquentation des offres"
    index_url_name = "impact_offers"
    index_results_url_name = "impact_offers_results"
    list_export = ["title", "reference", "institution", "views", "apply_clicks", "apply_rate", "applications"]
    export_headings = {
        "title": "Intitulé",
        "reference": "Référence",
        "institution": "Institution",
        "views": "Consultations",
        "apply_clicks": "Clics sur « Candidater »",
        "apply_rate": "Taux de clic",
        "applications": "Candidatures sur le site",
    }

    columns = [Column(name, label=label) for name, label in export_headings.items()]

    def get_queryset(self):
        start, end = self.period
        return figures.per_offer(start, end, self.institution_ids)

    def get_filename(self):
        start, end = self.period
        return f"frequentation-offres-{start:%Y-%m-%d}-{end:%Y-%m-%d}"


class InstitutionReportView(ImpactReportView):
    page_title = "Fréquentation par institution"
    index_url_name = "impact_institutions"
    index_results_url_name = "impact_institutions_results"
    columns = [
        Column("institution", label="Institution"),
        Column("published", label="Offres publiées"),
        Column("open", label="Offres ouvertes en fin de période"),
        Column("median_days_online", label="Durée médiane en ligne (jours)"),
        Column("views", label="Consultations"),
        Column("apply_clicks", label="Clics sur « Candidater »"),
        Column("apply_rate", label="Taux de clic"),
        Column("applications", label="Candidatures sur le site"),
    ]
    list_export = [
        "institution",
        "published",
        "open",
        "median_days_online",
        "views",
        "apply_clicks",
        "apply_rate",
        "applications",
    ]
    export_headings = {column.name: column.label for column in columns}

    def get_queryset(self):
        start, end = self.period
        return figures.per_institution(start, end, self.institution_ids)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = sorted(self.get_queryset(), key=lambda row: -row["views"])[:15]
        context["institution_chart"] = charts.bars(
            "Consultations par institution",
            "Les quinze institutions aux offres les plus consultées sur la période ; le tableau qui suit "
            "donne toutes les valeurs.",
            [(row["institution"], row["views"]) for row in rows],
            "Consultations",
        )
        start, end = self.period
        context["quality_bands"] = figures.per_quality_band(start, end, self.institution_ids)
        return context

    def get_filename(self):
        start, end = self.period
        return f"frequentation-institutions-{start:%Y-%m-%d}-{end:%Y-%m-%d}"


# What fits on one A4 page: the institutions whose offers were most viewed, the rest in one row.
NOTE_ROWS = 8
NOTE_SEARCHES = 6


def _month_bounds(first_day):
    next_month = (first_day + datetime.timedelta(days=32)).replace(day=1)
    return first_day, min(next_month - datetime.timedelta(days=1), timezone.localdate())


def monthly_note(request):
    """One printable page (A4) per month for the minister: comms team only."""
    if not manages_all_offers(request.user):
        raise PermissionDenied
    counters.flush()
    form = MonthForm(request.GET)
    first_day = form.month()
    start, end = _month_bounds(first_day)
    previous_start, previous_end = _month_bounds((first_day - datetime.timedelta(days=1)).replace(day=1))
    current = figures.totals(start, end, None)
    previous = figures.totals(previous_start, previous_end, None)
    institutions = figures.per_institution(start, end, None)
    daily = figures.per_day(start, end, None)
    by_views = sorted(institutions, key=lambda row: (-row["views"], row["institution"]))
    most_published = sorted(institutions, key=lambda row: (-row["published"], row["institution"]))[:NOTE_ROWS]
    others = by_views[NOTE_ROWS:]
    context = {
        "form": form,
        "month": month_label(first_day),
        "period": f"Du {french_date(start)} au {french_date(end)}",
        "generated_on": french_date(timezone.localdate()),
        "views": current["views"],
        "views_change": figures.change(current["views"], previous["views"]),
        "apply_clicks": current["apply_clicks"],
        "apply_clicks_change": figures.change(current["apply_clicks"], previous["apply_clicks"]),
        "apply_rate": figures.rate(current["apply_clicks"], current["views"]),
        "applications": current["applications"],
        "applications_change": figures.change(current["applications"], previous["applications"]),
        "previous_month": month_label(previous_start),
        "published": sum(row["published"] for row in institutions),
        "open": sum(row["open"] for row in institutions),
        "median_days_online": figures.median_days_online(start, end, None),
        "institutions": by_views[:NOTE_ROWS],
        "other_institutions": {
            "count": len(others),
            **{key: sum(row[key] for row in others) for key in ("published", "open", "views", "apply_clicks")},
        },
        "top_searches": figures.searches(start, end, limit=NOTE_SEARCHES),
        "top_zero_result_searches": figures.searches(start, end, zero_results=True, limit=NOTE_SEARCHES),
        "search_totals": figures.search_totals(start, end),
        "alerts": figures.alert_activity(start, end),
        "alert_subscribers": figures.alert_subscribers(),
        "daily_chart": _daily_chart(daily, f"Consultations et clics par jour, {month_label(first_day)}"),
        "institution_chart": charts.bars(
            "Consultations par institution",
            "Les huit institutions aux offres les plus consultées du mois ; le tableau par institution donne "
            "les mêmes valeurs.",
            [(row["institution"], row["views"]) for row in by_views[:NOTE_ROWS]],
            "Consultations",
            width=400,
            label_chars=24,
        ),
        "published_chart": charts.bars(
            "Offres publiées par institution",
            "Le nombre d'offres publiées dans le mois par institution ; le tableau par institution donne "
            "les mêmes valeurs.",
            [(row["institution"], row["published"]) for row in most_published],
            "Offres publiées",
            width=400,
            label_chars=24,
        ),
    }
    return render(request, "impact/admin/monthly_note.html", context)


# The searches without results of this many days (the editorial team's list of what to add or rename).
ZERO_RESULT_DAYS = 90


class ZeroResultSearchesView(ReportView):
    """Rapports → « Recherches sans résultat »: the texts searched that found no offer, most frequent
    first, for the comms team (the texts are the whole site's)."""

    page_title = "Recherches sans résultat"
    header_icon = "search"
    index_url_name = "zero_result_searches"
    index_results_url_name = "zero_result_searches_results"
    paginate_by = 100
    columns = [
        Column("text", label="Texte cherché"),
        Column("searches", label=f"Recherches ({ZERO_RESULT_DAYS} derniers jours)"),
        DateColumn("last_day", label="Dernière recherche"),
    ]
    list_export = ["text", "searches", "last_day"]
    export_headings = {"text": "Texte cherché", "searches": "Recherches", "last_day": "Dernière recherche"}

    def dispatch(self, request, *args, **kwargs):
        if not manages_all_offers(request.user):
            raise PermissionDenied
        counters.flush()
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        since = timezone.localdate() - datetime.timedelta(days=ZERO_RESULT_DAYS - 1)
        return (
            SearchDailyCount.objects.filter(day__gte=since, zero_result_searches__gt=0)
            .exclude(text="")
            .values("text")
            .annotate(searches=Sum("zero_result_searches"), last_day=Max("day"))
            .order_by("-searches", "-last_day", "text")
        )

    def get_filename(self):
        return f"recherches-sans-resultat-{timezone.localdate():%Y-%m-%d}"
