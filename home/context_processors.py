from django.conf import settings
from django.utils.functional import SimpleLazyObject

from .models import SiteSettings


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

    @property
    def matomo(self):
        site_id = self.site_settings.matomo_site_id or settings.MATOMO_SITE_ID
        if settings.MATOMO_URL and site_id:
            return {"url": settings.MATOMO_URL.rstrip("/") + "/", "site_id": site_id}
        return None


def site_shell(request):
    return {"shell": SimpleLazyObject(lambda: SiteShell(request))}
