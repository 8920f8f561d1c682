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


def sitemap_files(client, **headers):
    """{section file URL: lastmod} read from the index /sitemap.xml."""
    response = client.get("/sitemap.xml", **headers)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    tree = etree.fromstring(response.content)
    assert tree.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return {
        item.findtext("sm:loc", namespaces=SITEMAP_NS): item.findtext("sm:lastmod", namespaces=SITEMAP_NS)
        for item in tree.findall("sm:sitemap", SITEMAP_NS)
    }


def sitemap_urls(client, file_url, **headers):
    """[(loc, lastmod)] of one section file."""
    response = client.get(urlsplit(file_url).path, **headers)
    assert response.status_code == 200
    tree = etree.fromstring(response.content)
    return [
        (url.findtext("sm:loc", namespaces=SITEMAP_NS), url.findtext("sm:lastmod", namespaces=SITEMAP_NS))
        for url in tree.findall("sm:url", SITEMAP_NS)
    ]


def all_sitemap_urls(client, **headers):
    files = sitemap_files(client, **headers)
    return [entry for file_url in files for entry in sitemap_urls(client, file_url, **headers)]


def test_sitemap_lists_pages_and_open_offers_with_lastmod(client, demo_site, offers_of_every_kind):
    newer, older = offers_of_every_kind

    entries = dict(all_sitemap_urls(client))

    paths = {urlsplit(url).path: lastmod for url, lastmod in entries.items()}
    offer_paths = {path for path in paths if path.startswith("/offres/")}
    # Exactly the open offers: the two above and the demo's open ones, none of the closed or unpublished.
    assert offer_paths == {offer.get_absolute_url() for offer in JobOffer.objects.open()}
    assert {newer.get_absolute_url(), older.get_absolute_url()} <= offer_paths
    assert paths[newer.get_absolute_url()] == timezone.localdate(newer.last_published_at).isoformat()
    assert {"/", "/mentions-legales/", "/plan-du-site/"} <= set(paths)
    assert all(entries.values()), "chaque adresse a sa date de modification"


def test_sitemap_index_splits_the_open_offers_into_files(client, settings, demo_site, offers_of_every_kind):
    settings.SITEMAP_OFFERS_PER_FILE = 7
    open_paths = sorted(offer.get_absolute_url() for offer in JobOffer.objects.open())

    files = sitemap_files(client)

    pages_file, *offer_files = files
    assert urlsplit(pages_file).path == "/sitemap-pages.xml"
    assert [urlsplit(url).path for url in offer_files] == [
        f"/sitemap-offres-{number}.xml" for number in range(1, len(open_paths) // 7 + 2)
    ]
    assert all(files.values()), "chaque fichier a sa date de modification"
    listed = []
    for file_url in offer_files:
        urls = sitemap_urls(client, file_url)
        assert 1 <= len(urls) <= 7
        listed += [urlsplit(url).path for url, _ in urls]
    # Every open offer once, none twice, nothing else.
    assert sorted(listed) == open_paths
    # The file after the last one, and a file 0, do not exist.
    assert client.get(f"/sitemap-offres-{len(offer_files) + 1}.xml").status_code == 404
    assert client.get("/sitemap-offres-0.xml").status_code == 404


def test_sitemaps_name_one_configured_host_whatever_the_request_host(client, settings, demo_site):
    settings.SITE_URL = "https://metiers.numerique.gouv.fr"
    JobOfferFactory(title="Ouverte", published=True)
    headers = {"HTTP_HOST": "127.0.0.1"}

    files = sitemap_files(client, **headers)
    urls = [url for url, _ in all_sitemap_urls(client, **headers)]

    assert len(urls) > 10
    for url in [*files, *urls]:
        assert url.startswith("https://metiers.numerique.gouv.fr/"), url
    robots = client.get("/robots.txt", **headers).content.decode()
    assert "Sitemap: https://metiers.numerique.gouv.fr/sitemap.xml" in robots


@pytest.mark.parametrize("path", ["/offres/flux.rss?q=ouverte", "/offres/flux.atom?q=ouverte"])
def test_feeds_and_structured_data_name_the_configured_host_too(client, settings, path):
    settings.SITE_URL = "https://metiers.numerique.gouv.fr"
    offer = JobOfferFactory(title="Ouverte", published=True)
    headers = {"HTTP_HOST": "127.0.0.1"}

    feed = feedparser.parse(client.get(path, **headers).content)
    page = client.get(offer.get_absolute_url(), **headers).content.decode()
    security = client.get("/.well-known/security.txt", **headers)

    addresses = [feed.feed.link, *(link.href for link in feed.feed.links), *(entry.link for entry in feed.entries)]
    assert feed.entries and len(addresses) >= 3
    for address in addresses:
        assert address.startswith("https://metiers.numerique.gouv.fr/offres/"), address
    assert f'"url": "https://metiers.numerique.gouv.fr{offer.get_absolute_url()}"' in page
    assert "127.0.0.1" not in page
    if security.status_code == 200:
        assert "Canonical: https://metiers.numerique.gouv.fr/.well-known/security.txt" in security.content.decode()


def test_sitemap_without_open_offers_has_the_pages_only(client, demo_site):
    JobOfferFactory(title="Brouillon")
    JobOffer.objects.update(live=False)  # the demo's offers too, when another test loaded them

    files = sitemap_files(client)

    assert [urlsplit(url).path for url in files] == ["/sitemap-pages.xml"]
    assert client.get("/sitemap-offres-1.xml").status_code == 404


def test_sitemap_lastmod_falls_back_on_the_last_change(client):
    offer = JobOfferFactory(title="Sans date", published=True)
    JobOffer.objects.filter(pk=offer.pk).update(last_published_at=None)
    offer.refresh_from_db()

    (lastmod,) = [lastmod for url, lastmod in all_sitemap_urls(client) if url.endswith(offer.get_absolute_url())]

    assert lastmod == timezone.localdate(offer.updated_at).isoformat()


def test_robots_txt_points_at_the_sitemap(client):
    response = client.get("/robots.txt")

    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()
    assert client.get("/sitemap.xml").status_code == 200


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_ENABLED = True


def test_cached_sitemaps_follow_publication(client, settings, page_cache_on, django_assert_num_queries):
    settings.SITEMAP_OFFERS_PER_FILE = 2
    JobOffer.objects.update(live=False)  # the demo's offers too, when another test loaded them
    first = JobOfferFactory(title="Première", published=True)
    JobOfferFactory(title="Deuxième", published=True)

    def listed_paths():
        return {urlsplit(url).path for url, _ in all_sitemap_urls(client)}

    assert first.get_absolute_url() in listed_paths()
    with django_assert_num_queries(0):  # served from the cache
        listed_paths()

    third = JobOfferFactory(title="Troisième", published=True)
    assert third.get_absolute_url() in listed_paths()
    assert len(sitemap_files(client)) == 3  # the pages, then two files of offers

    first.unpublish()
    assert first.get_absolute_url() not in listed_paths()
    assert len(sitemap_files(client)) == 2


def test_feed_descriptions_keep_words_apart_where_paragraphs_and_items_meet(client, db):
    JobOfferFactory(
        title="Cheffe de projet",
        missions="<p>Piloter les projets.</p><p>Animer les équipes</p><ul><li>Budget</li><li>Planning</li></ul>",
        published=True,
    )

    _, feed = parse_feed(client, "/offres/flux.rss")

    description = feed.entries[0].summary
    assert "Piloter les projets. Animer les équipes Budget Planning" in description
