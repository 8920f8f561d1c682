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
from django.db import connection
from django.db.models import Count, F, Max, Window
from django.db.models.functions import Coalesce, RowNumber, TruncDate
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
    lastmod: str  # YYYY-MM-DD, Paris time


def _offer_lastmod():
    # The day in Paris, computed by the database: converting 50,000 datetimes in Python costs more.
    return TruncDate(Coalesce("last_published_at", "updated_at"), tzinfo=timezone.get_current_timezone())


def _compute_offer_sections():
    """One scan of the open offers by increasing id: each file's first and last id, count and lastmod."""
    numbered = (
        JobOffer.objects.open()
        .order_by()
        .annotate(offer_id=F("pk"), day=_offer_lastmod(), row=Window(RowNumber(), order_by=F("pk").asc()))
        .values_list("offer_id", "day", "row")
    )
    sql, params = numbered.query.sql_with_params()
    grouped = (
        f'SELECT MIN("offer_id"), MAX("offer_id"), COUNT(*), MAX("day") FROM ({sql}) numbered '
        f'GROUP BY ("row" - 1) / %s ORDER BY 1'
    )
    with connection.cursor() as cursor:
        cursor.execute(grouped, [*params, settings.SITEMAP_OFFERS_PER_FILE])
        return [OfferSection(first, last, count, str(day)[:10]) for first, last, count, day in cursor.fetchall()]


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
    files = [(site + reverse("sitemap_pages"), _date(pages["lastmod"]))] if pages["count"] else []
    files += [
        (site + reverse("sitemap_offers", args=[number]), section.lastmod)
        for number, section in enumerate(offer_sections(), start=1)
    ]
    lines = [XML_HEADER, f'<sitemapindex xmlns="{NAMESPACE}">\n']
    for location, lastmod in files:
        lastmod_element = f"<lastmod>{lastmod}</lastmod>" if lastmod else ""
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
        .values_list("slug", _offer_lastmod())
    )
    # Slugs are ASCII letters, digits and hyphens: nothing to escape.
    lines = [f"<url><loc>{prefix}{slug}/</loc><lastmod>{day.isoformat()}</lastmod></url>\n" for slug, day in rows]
    return _xml_response([XML_HEADER, f'<urlset xmlns="{NAMESPACE}">\n', *lines, "</urlset>\n"])
