"""Shared helpers of the alert tests: an alert made and confirmed as a person would, the emails."""

import datetime

from django.core import mail
from django.utils import timezone

from alerts import searches, subscriptions
from alerts.models import Alert, Subscriber
from tests.factories import JobOfferFactory


def confirmed_alert(email, search, frequency="quotidienne"):
    """An alert confirmed now: the offers open now are behind it."""
    subscriber, _ = Subscriber.objects.get_or_create(email=email)
    alert = Alert.objects.create(subscriber=subscriber, search=searches.normalised(search), frequency=frequency)
    return subscriptions.confirm(alert, frequency)


def open_offer(**fields):
    return JobOfferFactory(published=True, **fields)


def later(**delta):
    return timezone.now() + datetime.timedelta(**delta)


def digests_to(email):
    return [message for message in mail.outbox if message.to == [email] and "Confirmez" not in message.subject]


def html_of(message):
    return next(content for content, mimetype in message.alternatives if mimetype == "text/html")
