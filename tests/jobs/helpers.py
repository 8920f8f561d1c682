"""Helpers shared by the tests of the public offer pages."""

import datetime
import json

from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from jobs.models import JobOffer
from tests.factories import JobOfferFactory


def days_from_today(days):
    return timezone.localdate() + datetime.timedelta(days=days)


def soup(response):
    return BeautifulSoup(response.content.decode(), "html.parser")


def text(element):
    """The text of an element with whitespace collapsed, as a reader perceives it."""
    return " ".join(element.get_text(" ").split())


def json_ld_scripts(response):
    return soup(response).find_all("script", type="application/ld+json")


def json_ld(response):
    """The one JobPosting of a page, parsed."""
    (script,) = json_ld_scripts(response)
    return json.loads(script.string)


def queries_for(client, url):
    """The number of SQL queries a GET of `url` runs (after one warm-up request filling caches)."""
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def expired_offer(**kwargs):
    """A published offer whose deadline was yesterday."""
    return JobOfferFactory(deadline=days_from_today(-1), published=True, **kwargs)


def filled_offer(unpublish=False, **kwargs):
    """A published offer marked as filled (and unpublished afterwards when asked)."""
    offer = JobOfferFactory(published=True, **kwargs)
    offer.filled_at = timezone.localdate()
    offer.save_revision().publish()
    if unpublish:
        offer.unpublish()
    offer.refresh_from_db()
    return offer


def scheduled_offer(**kwargs):
    """A published offer whose go-live is still to come."""
    offer = JobOfferFactory(published=True, **kwargs)
    JobOffer.objects.filter(pk=offer.pk).update(go_live_at=timezone.now() + datetime.timedelta(days=2))
    offer.refresh_from_db()
    return offer
