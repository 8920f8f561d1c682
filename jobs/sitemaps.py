from django.contrib.sitemaps import Sitemap

from .models import JobOffer


class OpenOfferSitemap(Sitemap):
    """The open offers, for /sitemap.xml (next to the Wagtail pages)."""

    def items(self):
        return JobOffer.objects.open().only("slug", "last_published_at", "updated_at")

    def location(self, offer):
        return offer.get_absolute_url()

    def lastmod(self, offer):
        return offer.last_published_at or offer.updated_at
