from urllib.parse import urlsplit

import feedparser
import pytest
from bs4 import BeautifulSoup
from django.utils import timezone
from lxml import etree

from jobs.feeds import FEED_LENGTH
from jobs.models import JobOffer
from tests.factories import InstitutionFactory, JobOfferFactory

from .helpers import days_from_today, expired_offer, filled_offer, scheduled_offer, text

pytestmark = pytest.mark.django_db
SITEMAP_NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


@pytest.fixture
def offers_of_every_kind():
    """Two open offers among offers that must never be listed."""
    JobOfferFactory(title="Brouillon")
    expired_offer(title="Expirée")
    filled_offer(title="Pourvue")
    filled_offer(title="Pourvue puis retirée", unpublish=True)
    scheduled_offer(title="Programmée")
    withdrawn = JobOfferFactory(title="Retirée", published=True)
    withdrawn.unpublish()
    older = JobOfferFactory(title="Ouverte ancienne", published=True)
    newer = JobOfferFactory(
        title="Ouverte récente",
        institution=InstitutionFactory(name="Conseil constitutionnel"),
        city="Bordeaux",
        postal_code="33000",
        contract_codes=("contractuel",),
        deadline=days_from_today(20),
        missions="<p>Auditer les <b>systèmes</b> d'information.</p>",
        published=True,
    )
    return newer, older


def parse_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.bozo_exception
    return response, feed


@pytest.mark.parametrize(
    "url,version,content_type",
    [("/offres/flux.rss", "rss20", "application/rss+xml"), ("/offres/flux.atom", "atom10", "application/atom+xml")],
)
def test_feeds_list_only_open_offers_newest_first(client, offers_of_every_kind, url, version, content_type):
    newer, older = offers_of_every_kind

    response, feed = parse_feed(client, url)

    assert response["Content-Type"].startswith(content_type)
    assert feed.version == version
    assert [entry.title for entry in feed.entries] == ["Ouverte récente", "Ouverte ancienne"]
    entry = feed.entries[0]
    assert entry.link == "http://testserver" + newer.get_absolute_url()
    assert entry.id == entry.link
    assert entry.published_parsed is not None
    summary = text(BeautifulSoup(entry.summary, "html.parser"))
    for fact in ["Conseil constitutionnel", "Bordeaux (Gironde)", "Contractuel uniquement", "Candidature jusqu'au"]:
        assert fact in summary
    assert "Auditer les systèmes d'information." in summary
    assert "<b>" not in entry.summary
    assert urlsplit(feed.feed.link).path == "/offres/"


def test_feeds_hold_the_50_newest_offers(client):
    for index in range(FEED_LENGTH + 2):
        JobOfferFactory(title=f"Offre {index}", published=True)

    _, feed = parse_feed(client, "/offres/flux.rss")

    assert len(feed.entries) == 50
    assert feed.entries[0].title == "Offre 51"
    assert feed.entries[-1].title == "Offre 2"


def test_sitemap_lists_pages_and_open_offers_with_lastmod(client, demo_site, offers_of_every_kind):
    newer, older = offers_of_every_kind

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    entries = {
        urlsplit(url.findtext("sm:loc", namespaces=SITEMAP_NS)).path: url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in tree.findall("sm:url", SITEMAP_NS)
    }
    offer_paths = {path for path in entries if path.startswith("/offres/")}
    # Exactly the open offers: the two above and the demo's open ones, none of the closed or unpublished.
    assert offer_paths == {offer.get_absolute_url() for offer in JobOffer.objects.open()}
    assert {newer.get_absolute_url(), older.get_absolute_url()} <= offer_paths
    assert entries[newer.get_absolute_url()] == timezone.localdate(newer.last_published_at).isoformat()
    assert {"/", "/mentions-legales/", "/plan-du-site/"} <= set(entries)


def test_sitemap_lastmod_falls_back_on_the_last_change(client):
    offer = JobOfferFactory(title="Sans date", published=True)
    JobOffer.objects.filter(pk=offer.pk).update(last_published_at=None)
    offer.refresh_from_db()

    tree = etree.fromstring(client.get("/sitemap.xml").content)

    (lastmod,) = [
        url.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for url in tree.findall("sm:url", SITEMAP_NS)
        if url.findtext("sm:loc", namespaces=SITEMAP_NS).endswith(offer.get_absolute_url())
    ]
    assert lastmod == timezone.localdate(offer.updated_at).isoformat()


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert client.get("/sitemap.xml").status_code == 200


def test_feed_descriptions_keep_words_apart_where_paragraphs_and_items_meet(client, db):
    JobOfferFactory(
        title="Cheffe de projet",
        missions="<p>Piloter les projets.</p><p>Animer les équipes</p><ul><li>Budget</li><li>Planning</li></ul>",
        published=True,
    )

    _, feed = parse_feed(client, "/offres/flux.rss")

    description = feed.entries[0].summary
    assert "Piloter les projets. Animer les équipes Budget Planning" in description
