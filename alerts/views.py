"""The public pages of the email alerts (/alertes/…), for people without an account. None is kept by
the page cache (never_cache) or indexed (noindex); the pages reached from an email's signed link send
no Referer, so that the link never leaves the site."""

import functools
import logging

from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from jobs.presenters import french_date

from . import searches, subscriptions, throttle, tokens
from .forms import AlertRequestForm, FrequencyForm
from .models import Alert, Frequency, Subscriber

logger = logging.getLogger("alerts")
TOO_MANY_FROM_CLIENT = "Trop de demandes d'alerte ont été envoyées depuis votre connexion. Réessayez dans une heure."
TOO_MANY_FOR_ADDRESS = (
    "Trop de demandes d'alerte ont été faites pour cette adresse e-mail. Réessayez dans une heure, "
    "ou suivez le lien de l'e-mail de confirmation déjà reçu."
)
TOO_LONG = "Cette recherche a trop de filtres pour une alerte : retirez-en quelques-uns, puis revenez ici."
FREQUENCY_LABELS = dict(Frequency.choices)
MAX_SEARCH_INPUT = 10_000


def private_page(view):
    """Never cached nor indexed; no Referer leaves the site from a page whose address holds a signed
    link. Not "no-referrer": browsers then send `Origin: null` with the page's forms, which Django's
    CSRF check refuses."""

    @functools.wraps(view)  # keeps csrf_exempt
    def wrapped(request, *args, **kwargs):
        response = view(request, *args, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        response["Referrer-Policy"] = "same-origin"
        return response

    return never_cache(wrapped)


def breadcrumb(current):
    return {"links": [{"url": "/offres/", "title": "Offres"}], "current": current}


def search_summary(search):
    """{saved, label, url}: the saved search, what it is about, its /offres/ page."""
    return {"saved": search, "label": searches.describe(search), "url": searches.search_url(search)}


@private_page
@require_http_methods(["GET", "POST"])
def subscribe(request):
    """/alertes/nouvelle/?<the search's parameters>: the subscription form (email and frequency)."""
    status, notice = 200, ""
    if request.method == "POST":
        form = AlertRequestForm(request.POST)
        search = searches.normalised(request.POST.get("recherche", "")[:MAX_SEARCH_INPUT])
        if throttle.client_over_limit(request):
            status, notice = 429, TOO_MANY_FROM_CLIENT
        elif len(search) > Alert._meta.get_field("search").max_length:
            status, notice = 400, TOO_LONG
        elif form.is_valid():
            email = form.cleaned_data["email"]
            if throttle.address_over_limit(email):
                status, notice = 429, TOO_MANY_FOR_ADDRESS
            else:
                try:
                    subscriptions.request_alert(email, search, form.cleaned_data["frequency"])
                except subscriptions.TooManyAlerts:
                    # Said nowhere on the page: it would tell anyone who types the address that it has alerts.
                    logger.info("Alertes : une adresse a déjà %s alertes.", subscriptions.MAX_ALERTS_PER_ADDRESS)
                return redirect("alerts:requested")
        else:
            status = 400
    else:
        search = searches.normalised(request.GET)
        form = AlertRequestForm()
    context = {
        "form": form,
        "search": search_summary(search),
        "notice": notice,
        "title": "Recevoir les nouvelles offres par e-mail",
        "breadcrumb_data": breadcrumb("Alerte par e-mail"),
    }
    return render(request, "alerts/subscribe.html", context, status=status)


@private_page
def requested(request):
    return render(
        request,
        "alerts/requested.html",
        {"days": tokens.CONFIRMATION_DAYS, "breadcrumb_data": breadcrumb("Demande envoyée")},
    )


def invalid_link(request, status=404):
    return render(request, "alerts/invalid_link.html", {"breadcrumb_data": breadcrumb("Lien")}, status=status)


@private_page
def confirm(request, token):
    """The link of the confirmation email: following it activates the alert."""
    value = tokens.read_confirmation(token)
    alert = Alert.objects.select_related("subscriber").filter(pk=value[0]).first() if value else None
    if alert is None or value[1] not in FREQUENCY_LABELS:
        return invalid_link(request)
    alert = subscriptions.confirm(alert, value[1])
    return render(
        request,
        "alerts/confirmed.html",
        {
            "search": search_summary(alert.search),
            "frequency_label": FREQUENCY_LABELS[alert.frequency].lower(),
            "manage_url": tokens.manage_url(alert.subscriber),
            "breadcrumb_data": breadcrumb("Alerte activée"),
        },
    )


@private_page
@csrf_exempt  # RFC 8058: mail clients POST "List-Unsubscribe=One-Click" without a token or a question
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET: a page asking to confirm; POST: the alert is deleted at once (one-click unsubscribe)."""
    alert_id = tokens.read_id(tokens.UNSUBSCRIBE, token)
    if alert_id is None:
        return invalid_link(request)
    alert = Alert.objects.select_related("subscriber").filter(pk=alert_id).first()
    done = alert is None
    if alert is not None and request.method == "POST":
        manage_url = tokens.manage_url(alert.subscriber)
        subscriptions.delete_alerts(Alert.objects.filter(pk=alert.pk))
        others = Subscriber.objects.filter(pk=alert.subscriber_id).exists()
        return render(
            request,
            "alerts/unsubscribed.html",
            {
                "search": search_summary(alert.search),
                "manage_url": manage_url if others else "",
                "breadcrumb_data": breadcrumb("Désinscription"),
            },
        )
    return render(
        request,
        "alerts/unsubscribe.html",
        {
            "done": done,
            "search": search_summary(alert.search) if alert else None,
            "breadcrumb_data": breadcrumb("Désinscription"),
        },
    )


MANAGE_DONE = {
    "frequence": "La fréquence de l'alerte est modifiée.",
    "pause": "L'alerte est en pause : vous ne recevrez plus ses e-mails jusqu'à sa reprise.",
    "reprendre": "L'alerte a repris : ses prochains e-mails listeront les nouvelles offres encore ouvertes.",
    "supprimer": "L'alerte est supprimée.",
}


@private_page
@require_http_methods(["GET", "POST"])
def manage(request, token):
    """Every alert of one address: change the frequency, pause, resume, delete one or all."""
    subscriber_id = tokens.read_id(tokens.MANAGE, token)
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first() if subscriber_id is not None else None
    if subscriber is None:
        if request.method == "POST" and request.POST.get("action") == "tout-supprimer":
            return render(request, "alerts/all_deleted.html", {"breadcrumb_data": breadcrumb("Mes alertes")})
        return invalid_link(request)
    if request.method == "POST":
        action = request.POST.get("action", "")
        if action == "tout-supprimer":
            subscriptions.delete_alerts(subscriber.alerts.all())
            return render(request, "alerts/all_deleted.html", {"breadcrumb_data": breadcrumb("Mes alertes")})
        alert = subscriber.alerts.filter(pk=_number(request.POST.get("alerte"))).first()
        if alert is None or action not in MANAGE_DONE:
            messages.error(request, "Cette alerte n'existe plus, ou l'action demandée n'est pas reconnue.")
            return redirect(request.path)
        if action == "supprimer":
            subscriptions.delete_alerts(subscriber.alerts.filter(pk=alert.pk))
        elif action == "frequence":
            form = FrequencyForm(request.POST)
            if not form.is_valid():
                messages.error(request, "Choisissez une fréquence parmi celles proposées.")
                return redirect(request.path)
            subscriptions.change(alert, frequency=form.cleaned_data["frequency"])
        elif alert.is_confirmed:
            subscriptions.change(alert, paused=action == "pause")
        messages.success(request, MANAGE_DONE[action])
        if not Subscriber.objects.filter(pk=subscriber.pk).exists():
            return render(request, "alerts/all_deleted.html", {"breadcrumb_data": breadcrumb("Mes alertes")})
        return redirect(request.path)
    alerts = [
        {
            "id": alert.pk,
            "search": search_summary(alert.search),
            "confirmed": alert.is_confirmed,
            "paused": alert.is_paused,
            "frequency": alert.frequency,
            "frequency_label": FREQUENCY_LABELS.get(alert.frequency, "").lower(),
            "requested_on": french_date(alert.created_at and _local_day(alert.created_at)),
            "last_sent_on": french_date(alert.last_sent_at and _local_day(alert.last_sent_at)),
        }
        for alert in subscriber.alerts.order_by("created_at", "pk")
    ]
    return render(
        request,
        "alerts/manage.html",
        {
            "email": subscriber.email,
            "alerts": alerts,
            "frequencies": Frequency.choices,
            "breadcrumb_data": breadcrumb("Mes alertes"),
        },
    )


def _number(value):
    return int(value) if isinstance(value, str) and value.isascii() and value.isdigit() and len(value) < 19 else None


def _local_day(moment):
    return timezone.localdate(moment)
