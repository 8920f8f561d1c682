import datetime
import sys

from django.conf import settings
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone

from . import health as health_checks
from .addresses import absolute_url
from .database_busy import busy_response, is_database_busy
from .error_pages import render_error_page


def health(request):
    """/sante : {"statut": "ok" | "en panne", "base_de_donnees": …, "cache": …, "recherche": …,
    "taches": …} for monitoring; 503 when something the site needs fails."""
    statuses, healthy = health_checks.report()
    response = JsonResponse({"statut": "ok" if healthy else "en panne", **statuses}, status=200 if healthy else 503)
    response["Cache-Control"] = "no-store"
    response["X-Robots-Tag"] = "noindex"
    return response


def server_error(request):
    """The 500 page (the 503 one when the error is a locked SQLite database)."""
    if is_database_busy(sys.exception()):
        return busy_response(request)
    return render_error_page("500.html", 500)


def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: {reverse('wagtailadmin_home')}",
        f"Disallow: {reverse('site_search')}",
        f"Sitemap: {settings.SITE_URL}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


SECURITY_TXT_LIFETIME = datetime.timedelta(days=90)


def security_txt(request):
    """/.well-known/security.txt (RFC 9116): where to report a vulnerability. Its expiry moves with
    each request, so a deployed site never serves an expired file; the contact comes from
    SECURITY_CONTACT (a system check warns in production when it is empty)."""
    if not settings.SECURITY_CONTACT:
        raise Http404("Aucun contact de sécurité n'est configuré.")
    expires = (timezone.now() + SECURITY_TXT_LIFETIME).replace(microsecond=0)
    lines = [
        "# Signaler une vulnérabilité de Métiers du numérique : écrivez-nous à l'adresse ci-dessous.",
        "# To report a vulnerability in this site, please contact us at the address below.",
        f"Contact: {settings.SECURITY_CONTACT}",
        f"Expires: {expires.astimezone(datetime.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: fr, en",
        f"Canonical: {absolute_url(request.path)}",
    ]
    if settings.SECURITY_POLICY_URL:
        lines.append(f"Policy: {settings.SECURITY_POLICY_URL}")
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def favicon(request):
    """/favicon.ico, which browsers and feed readers ask for whatever the pages declare: the DSFR's."""
    return redirect(static("dsfr/dist/favicon/favicon.ico"), permanent=True)
