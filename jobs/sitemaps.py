"""XML sitemaps: /sitemap.xml is an index of section files, /sitemap-pages.xml (the Wagtail pages) and
/sitemap-offres-<n>.xml (the open offers, SITEMAP_OFFERS_PER_FILE per file, by increasing id).

Every address starts with SITE_URL, whatever host the request came by and whatever hostname the
Wagtail Site record holds. A file is written as text from plain rows (no model instance per offer);
the split of the offers into files is computed once per content token (metnum_site/page_cache.py),
so every file of the index agrees on it until public content changes. Whole responses are kept by
the page cache like any public page."""

from dataclasses import dataclass
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import Count, F, Max, Window
from django.db.models.functions import Coalesce, RowNumber
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from wagtail.models import Page

from metnum_site import page_cache

from .models import JobOffer

XML_HEADER = '<?xml version="1.0" encoding="UTF-8"?>\n'
NAMESPACE = "http://www.sitemaps.org/schemas/sitemap/0.9"


@dataclass(frozen=True)
class OfferSection:
    first_pk: int
    last_pk: int
    count: int
    lastmod: object  # datetime


def _offer_lastmod():
    return Coalesce("last_published_at", "updated_at")


def _compute_offer_sections():
    per_file = settings.SITEMAP_OFFERS_PER_FILE
    open_offers = JobOffer.objects.open()
    # The id that opens each file: every per_file-th open offer, by increasing id (one scan).
    starts = list(
        open_offers.annotate(row=Window(RowNumber(), order_by=F("pk").asc()))
        .annotate(position=(F("row") - 1) % per_file)
        .filter(position=0)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
    sections = []
    for index, first_pk in enumerate(starts):
        rows = open_offers.filter(pk__gte=first_pk)
        if index + 1 < len(starts):
            rows = rows.filter(pk__lt=starts[index + 1])
        summary = rows.aggregate(count=Count("pk"), last_pk=Max("pk"), lastmod=Max(_offer_lastmod()))
        sections.append(OfferSection(first_pk, summary["last_pk"], summary["count"], summary["lastmod"]))
    return sections


def offer_sections():
    """The files the open offers are split into, the same for every request until content changes."""
    return page_cache.cached(f"sitemap-offer-sections:{settings.SITEMAP_OFFERS_PER_FILE}", _compute_offer_sections)


def _date(moment):
    return timezone.localdate(moment).isoformat() if moment else None


def _xml_response(lines):
    return HttpResponse("".join(lines), content_type="application/xml; charset=utf-8")


def _url_lines(entries):
    yield XML_HEADER
    yield f'<urlset xmlns="{NAMESPACE}">\n'
    for location, lastmod in entries:
        lastmod_element = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
        yield f"<url><loc>{escape(location)}</loc>{lastmod_element}</url>\n"
    yield "</urlset>\n"


def _pages():
    return Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")


def sitemap_index(request):
    site = settings.SITE_URL
    pages = _pages().aggregate(count=Count("pk"), lastmod=Max("last_published_at"))
    files = [(site + reverse("sitemap_pages"), pages["lastmod"])] if pages["count"] else []
    files += [
        (site + reverse("sitemap_offers", args=[number]), section.lastmod)
        for number, section in enumerate(offer_sections(), start=1)
    ]
    lines = [XML_HEADER, f'<sitemapindex xmlns="{NAMESPACE}">\n']
    for location, lastmod in files:
        lastmod_element = f"<lastmod>{_date(lastmod)}</lastmod>" if lastmod else ""
        lines.append(f"<sitemap><loc>{escape(location)}</loc>{lastmod_element}</sitemap>\n")
    lines.append("</sitemapindex>\n")
    return _xml_response(lines)


def sitemap_pages(request):
    """The live public pages, each with the address its own get_sitemap_urls() gives, on SITE_URL."""
    site = settings.SITE_URL
    entries = []
    for page in _pages():
        for url in page.get_sitemap_urls(request):
            # Wagtail puts the Site record's hostname in front: keep the path, put SITE_URL there.
            parts = urlsplit(url["location"])
            location = parts.path + (f"?{parts.query}" if parts.query else "")
            entries.append((site + iri_to_uri(location), _date(url.get("lastmod"))))
    return _xml_response(_url_lines(entries))


def sitemap_offers(request, number):
    sections = offer_sections()
    if not 1 <= number <= len(sections):
        raise Http404("Ce fichier du plan du site n'existe pas.")
    section = sections[number - 1]
    prefix = settings.SITE_URL + reverse("jobs:offer_detail", args=["slug"]).removesuffix("slug/")
    rows = (
        JobOffer.objects.open()
        .filter(pk__gte=section.first_pk, pk__lte=section.last_pk)
        .order_by("pk")
        .values_list("slug", "last_published_at", "updated_at")
    )
    entries = ((f"{prefix}{slug}/", _date(published or updated)) for slug, published, updated in rows.iterator(5000))
    return _xml_response(_url_lines(entries))
