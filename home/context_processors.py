from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models import Q
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from wagtail.models import Page

from editorial.models import GuideIndexPage, InstitutionIndexPage, StoryIndexPage
from metnum_site.error_pages import FOOTER_LINKS_CACHE_KEY

from .models import SiteSettings

# The main navigation: the offer search, then the section index pages (one of each type).
SECTIONS = [(InstitutionIndexPage, "Employeurs"), (StoryIndexPage, "Témoignages"), (GuideIndexPage, "Guides")]


class SiteShell:
    """What the header and footer show on every page. Read lazily: error pages never touch it."""

    def __init__(self, request):
        self.request = request
        self.site_settings = SiteSettings.for_request(request)

    @property
    def accessibility_status(self):
        return self.site_settings.get_accessibility_status_display()

    @property
    def contact_email(self):
        return self.site_settings.contact_email

    @property
    def social_links(self):
        return [link.value for link in self.site_settings.social_links]

    @cached_property
    def _footer_page_ids(self):
        return {field: getattr(self.site_settings, f"{field}_id") for field, _ in SiteSettings.FOOTER_PAGES}

    @cached_property
    def _shell_pages(self):
        """The live section index pages and footer pages, read in one query: ({type id: model}, pages)."""
        content_types = ContentType.objects.get_for_models(*(model for model, _ in SECTIONS))
        model_by_type = {content_type.pk: model for model, content_type in content_types.items()}
        footer_ids = [pk for pk in self._footer_page_ids.values() if pk]
        pages = Page.objects.live().filter(Q(content_type__in=model_by_type) | Q(pk__in=footer_ids))
        return model_by_type, list(pages.only("url_path", "content_type"))

    @cached_property
    def section_urls(self):
        """{page model: URL} of the live section index pages."""
        model_by_type, pages = self._shell_pages
        return {
            model_by_type[page.content_type_id]: page.get_url(self.request)
            for page in pages
            if page.content_type_id in model_by_type
        }

    @cached_property
    def footer_links(self):
        """(URL, label) of the footer's pages chosen in the site settings and live. Remembered in the
        cache for the 500 page, which never reads the database."""
        by_id = {page.pk: page for page in self._shell_pages[1]}
        chosen = self._footer_page_ids
        links = [
            (by_id[chosen[field]].get_url(self.request), label or f"Accessibilité : {self.accessibility_status}")
            for field, label in SiteSettings.FOOTER_PAGES
            if chosen[field] in by_id
        ]
        cache.set(FOOTER_LINKS_CACHE_KEY, links, timeout=None)
        return links

    @property
    def employers_url(self):
        return self.section_urls.get(InstitutionIndexPage)

    @property
    def main_navigation(self):
        links = [(reverse("search:offers"), "Offres")]
        links += [(self.section_urls[model], label) for model, label in SECTIONS if model in self.section_urls]
        return links

    @property
    def matomo(self):
        site_id = self.site_settings.matomo_site_id or settings.MATOMO_SITE_ID
        if settings.MATOMO_URL and site_id:
            return {"url": settings.MATOMO_URL.rstrip("/") + "/", "site_id": site_id}
        return None


def site_shell(request):
    return {"shell": SimpleLazyObject(lambda: SiteShell(request)), "site_name": settings.WAGTAIL_SITE_NAME}
