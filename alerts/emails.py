"""The alert emails: the confirmation of a request and the digests. Each has a plain-text and an HTML
part (templates/alerts/email/), in French, and the one-click unsubscribe headers of RFC 8058."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from jobs.presenters import contract_labels, french_date, place_label, salary_label
from metnum_site.addresses import absolute_url
from search.engines import MAX_SIZE

from . import searches, tokens
from .models import Frequency


def _message(alert, subject, template, context):
    unsubscribe = tokens.unsubscribe_url(alert)
    context = {
        **context,
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": absolute_url("/"),
        "search_label": searches.describe(alert.search),
        "search_url": absolute_url(searches.search_url(alert.search)),
        "unsubscribe_url": unsubscribe,
        "manage_url": tokens.manage_url(alert.subscriber),
        "subject": subject,
    }
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"alerts/email/{template}.txt", context),
        to=[alert.subscriber.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "Auto-Submitted": "auto-generated",
        },
    )
    message.attach_alternative(render_to_string(f"alerts/email/{template}.html", context), "text/html")
    return message


def _subject(text):
    return " ".join(text.split())[:150]


def confirmation(alert, frequency):
    label = dict(Frequency.choices).get(frequency, "").lower()
    return _message(
        alert,
        _subject(f"Confirmez votre alerte : {searches.describe(alert.search, limit=3)}"),
        "confirmation",
        {
            "confirm_url": tokens.confirmation_url(alert, frequency),
            "frequency_label": label,
            "days": tokens.CONFIRMATION_DAYS,
        },
    )


def offer_item(offer):
    """What a digest shows of an offer: plain text, escaped by the templates."""
    return {
        "title": offer.title,
        "url": absolute_url(offer.get_absolute_url()),
        "institution": offer.institution.name,
        "place": place_label(offer),
        "contracts": ", ".join(contract_labels(offer)),
        "salary": salary_label(offer),
        "deadline": french_date(offer.deadline),
    }


def digest(alert, offers, total):
    """`offers`: the first offers to list; `total`: how many are new (MAX_SIZE: at least that many)."""
    count = f"{total} nouvelle offre" if total == 1 else f"{total} nouvelles offres"
    if total >= MAX_SIZE:
        count = f"Au moins {MAX_SIZE} nouvelles offres"
    return _message(
        alert,
        _subject(f"{count} : {searches.describe(alert.search, limit=3)}"),
        "digest",
        {"count_label": count, "offers": [offer_item(offer) for offer in offers], "more": total > len(offers)},
    )
