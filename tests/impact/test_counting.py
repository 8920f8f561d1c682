"""Impact counts (impact/counters.py): offer views, « Candidater » clicks, searches, without cookie
nor personal data, through the page cache too, flushed once to the database."""

import datetime
import io
import uuid

import pytest
import redis
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection
from django.test.utils import override_settings
from django.utils import timezone

from impact import counters
from impact.models import OfferDailyCount, SearchDailyCount
from metnum_site.settings.base import cache_settings
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db
BROWSER = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0"


@pytest.fixture
def browser(client):
    client.defaults["HTTP_USER_AGENT"] = BROWSER
    return client


def offer_counts(offer):
    call_command("flush_impact_counts", stdout=io.StringIO())
    row = OfferDailyCount.objects.filter(offer=offer).first()
    return (row.views, row.apply_clicks) if row else (0, 0)


def test_offer_views_are_counted_without_cookie_and_robots_are_not(browser, demo_site):
    offer = JobOfferFactory(published=True)

    response = browser.get(offer.get_absolute_url())
    browser.get(offer.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 (compatible; Googlebot/2.1)")
    browser.get(offer.get_absolute_url(), HTTP_USER_AGENT="")
    browser.head(offer.get_absolute_url())

    assert response.status_code == 200
    assert not response.cookies
    assert offer_counts(offer) == (1, 0)
    row = OfferDailyCount.objects.get(offer=offer)
    assert row.institution_id == offer.institution_id and row.day == timezone.localdate()


def test_stored_rows_hold_no_address_nor_browser():
    for model in (OfferDailyCount, SearchDailyCount):
        columns = {
            column.name
            for column in connection.introspection.get_table_description(connection.cursor(), model._meta.db_table)
        }
        assert not {
            name for name in columns if any(word in name for word in ("ip", "agent", "address", "session", "user"))
        }


def test_an_offer_page_served_from_the_page_cache_is_still_counted(
    browser, demo_site, settings, django_assert_num_queries
):
    settings.PAGE_CACHE_ENABLED = True
    offer = JobOfferFactory(published=True)
    browser.get(offer.get_absolute_url())

    with django_assert_num_queries(0):
        kept = browser.get(offer.get_absolute_url())

    assert kept.status_code == 200
    assert offer_counts(offer) == (2, 0)


def test_the_apply_button_counts_then_forwards_to_the_form(browser, demo_site):
    offer = JobOfferFactory(published=True, apply_url="https://recrutement.example.gouv.fr/poste-42")
    page = browser.get(offer.get_absolute_url()).content.decode()
    assert f'href="/offres/{offer.slug}/candidater/"' in page

    response = browser.get(f"/offres/{offer.slug}/candidater/")

    assert response.status_code == 302
    assert response["Location"] == "https://recrutement.example.gouv.fr/poste-42"
    assert offer_counts(offer) == (1, 1)


def test_the_apply_button_forwards_to_an_email_when_there_is_no_form(browser, demo_site):
    offer = JobOfferFactory(
        published=True, apply_url="", apply_email="recrutement@example.gouv.fr", title="Cheffe de projet"
    )

    response = browser.get(f"/offres/{offer.slug}/candidater/")

    assert response.status_code == 302
    assert response["Location"].startswith(
        "mailto:recrutement@example.gouv.fr?subject=Candidature%20%E2%80%93%20Cheffe%20de%20projet"
    )
    assert offer_counts(offer) == (0, 1)


def test_an_offer_applied_for_on_the_site_forwards_to_the_site_s_form(browser, demo_site):
    institution = InstitutionFactory(receives_applications_on_metnum=True)
    offer = JobOfferFactory(published=True, institution=institution, apply_url="", apply_email="")

    response = browser.get(f"/offres/{offer.slug}/candidater/")

    assert response.status_code == 302 and response["Location"] == f"/espace-candidat/postuler/{offer.pk}/"


def test_a_closed_or_unknown_offer_gets_a_clear_page_and_no_count(browser, demo_site):
    closed = JobOfferFactory(published=True, deadline=timezone.localdate() - datetime.timedelta(days=2))

    response = browser.get(f"/offres/{closed.slug}/candidater/")

    assert response.status_code == 404
    assert "n'accepte plus de candidatures" in response.content.decode()
    assert browser.get("/offres/pas-une-offre/candidater/").status_code == 404
    assert offer_counts(closed) == (0, 0)


def test_searches_are_counted_with_their_text_but_not_personal_data(browser, demo_site, settings):
    settings.PAGE_CACHE_ENABLED = True
    browser.get("/offres/?q=  Données   PUBLIQUES ")
    browser.get("/offres/?q=  Données   PUBLIQUES ")  # from the page cache
    browser.get("/offres/?q=zzzqqqxxyy")
    browser.get("/offres/?q=jean.dupont@example.fr")
    browser.get("/offres/?q=06 12 34 56 78")

    call_command("flush_impact_counts", stdout=io.StringIO())

    rows = {row.text: (row.searches, row.zero_result_searches) for row in SearchDailyCount.objects.all()}
    assert rows["données publiques"][0] == 2
    assert rows["zzzqqqxxyy"] == (1, 1)
    assert rows[""][0] == 2
    assert not any("@" in text or "56" in text for text in rows)


def test_flushing_twice_does_not_count_twice(browser, demo_site):
    offer = JobOfferFactory(published=True)
    browser.get(offer.get_absolute_url())
    browser.get(offer.get_absolute_url())

    assert counters.flush() == 2
    assert counters.flush() == 0
    browser.get(offer.get_absolute_url())
    counters.flush()

    assert OfferDailyCount.objects.get(offer=offer).views == 3


def redis_url():
    url = "redis://127.0.0.1:6379/0"
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
    except redis.exceptions.ConnectionError:
        pytest.skip("Redis ne répond pas sur 127.0.0.1:6379 : le cache de production n'est pas essayé.")
    return url


def test_counts_go_through_the_production_cache_on_redis(browser, demo_site):
    url = redis_url()
    production_caches = cache_settings(url)
    prefix = f"metnum-test-{uuid.uuid4().hex[:8]}"
    production_caches["default"]["KEY_PREFIX"] = prefix
    offer = JobOfferFactory(published=True)
    with override_settings(CACHES=production_caches):
        assert caches["default"].__class__.__name__ == "RedisCache"
        try:
            browser.get(offer.get_absolute_url())
            browser.get(f"/offres/{offer.slug}/candidater/")
            browser.get(offer.get_absolute_url())

            assert counters.flush() == 3
            assert counters.flush() == 0
        finally:
            server = redis.Redis.from_url(url)
            for key in server.scan_iter(f"{prefix}:*"):
                server.delete(key)
    row = OfferDailyCount.objects.get(offer=offer)
    assert (row.views, row.apply_clicks) == (2, 1)


def test_past_days_stop_being_read_once_flushed(browser, demo_site):
    offer = JobOfferFactory(published=True)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    counters.add(counters.VIEW, offer.slug, day=yesterday)
    browser.get(offer.get_absolute_url())

    assert counters.flush() == 2
    counters.add(counters.VIEW, offer.slug, day=yesterday)  # a request that began before midnight
    assert counters.flush() == 1

    views = dict(OfferDailyCount.objects.filter(offer=offer).values_list("day", "views"))
    assert views == {yesterday: 2, timezone.localdate(): 1}


def test_a_cache_that_does_not_answer_costs_the_count_not_the_click(browser, demo_site):
    offer = JobOfferFactory(published=True)
    unreachable = cache_settings("redis://127.0.0.1:1/0")
    with override_settings(CACHES=unreachable):
        counters.count_offer_view(offer.slug)
        counters.count_search("données", 0)
        forwarded = browser.get(f"/offres/{offer.slug}/candidater/")

    assert forwarded.status_code == 302
