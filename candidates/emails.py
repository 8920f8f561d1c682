"""The candidates' emails, each in plain text and HTML (templates/candidates/email/), in French: the
sign-in link, the confirmation of an application, the recruiters' notification (no CV, no personal
data: a link to the admin, where the recruiting permission is checked), the warning before deletion."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse

from jobs.presenters import french_date
from metnum_site.addresses import absolute_url

from . import sign_in
from .models import RECRUIT_PERMISSION


def _message(to, subject, template, context):
    context = {
        **context,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url("/"),
        "space_url": absolute_url(reverse("candidates:home")),
        "subject": subject,
    }
    message = EmailMultiAlternatives(
        subject=" ".join(subject.split())[:150],
        body=render_to_string(f"candidates/email/{template}.txt", context),
        to=to,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string(f"candidates/email/{template}.html", context), "text/html")
    return message


def sign_in_link(link):
    return _message(
        [link.email],
        "Votre lien de connexion à l'espace candidat",
        "sign_in",
        {"link": sign_in.link_url(link), "minutes": sign_in.LINK_MINUTES},
    )


def application_confirmation(application):
    offer = application.offer
    return _message(
        [application.candidate.email],
        f"Candidature envoyée : {offer.title}",
        "application_confirmation",
        {
            "offer_title": offer.title,
            "offer_url": absolute_url(offer.get_absolute_url()),
            "institution": offer.institution.name,
            "submitted_on": french_date(application.submitted_at.date()),
            "candidate_name": application.candidate.full_name,
        },
    )


def recruiters_of(institution):
    """The active users of the institution's editor groups who hold the recruiting permission."""
    users = (
        get_user_model()
        .objects.filter(is_active=True, groups__in=institution.editor_groups.all())
        .exclude(email="")
        .distinct()
        .order_by("pk")
    )
    return [user for user in users if user.has_perm(RECRUIT_PERMISSION)]


def application_admin_path(application):
    """The application's page in the recruiters' pipeline (recruiting app), or the admin's home
    when that app is not installed."""
    try:
        return reverse("recruiting_application", args=[application.pk])
    except NoReverseMatch:
        return reverse("wagtailadmin_home")


def recruiters_notification(application):
    """None when nobody of the institution may see the application."""
    offer = application.offer
    recipients = [user.email for user in recruiters_of(offer.institution)]
    if not recipients:
        return None
    return _message(
        recipients,
        f"Nouvelle candidature : {offer.title}",
        "recruiters_notification",
        {
            "offer_title": offer.title,
            "reference": offer.reference,
            "institution": offer.institution.name,
            "admin_url": settings.WAGTAILADMIN_BASE_URL.rstrip("/") + application_admin_path(application),
        },
    )


def deletion_warning(candidate, deletion_day):
    return _message(
        [candidate.email],
        "Votre espace candidat sera supprimé dans 30 jours",
        "deletion_warning",
        {"deletion_day": french_date(deletion_day), "sign_in_url": absolute_url(reverse("candidates:sign_in"))},
    )
