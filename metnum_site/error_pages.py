"""Error pages in the site's shell, rendered without context processors so that they never need the
database (the one that failed, maybe)."""

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.template import loader

# The footer's links as the last page served by this process found them (home.context_processors).
FOOTER_LINKS_CACHE_KEY = "metnum:footer-links"


def render_error_page(template_name, status):
    context = {"site_name": settings.WAGTAIL_SITE_NAME, "error_footer_links": cache.get(FOOTER_LINKS_CACHE_KEY, [])}
    return HttpResponse(loader.get_template(template_name).render(context), status=status)
