"""Absolute addresses of the site: one configured host (settings.SITE_URL) for the sitemaps, the
feeds, the structured data and security.txt, whatever host name the request came by."""

from django.conf import settings


def absolute_url(path):
    """`path` ("/offres/…") on SITE_URL; an address that is already absolute (media on S3) is kept."""
    if path.startswith(("https://", "http://")):
        return path
    return settings.SITE_URL + path
