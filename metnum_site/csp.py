"""One Content-Security-Policy per area of the site: the admin's (with Wagtail's relaxations) under
its prefixes, the public one everywhere else. Both are in metnum_site/settings/security.py."""

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings


class PolicyPerAreaMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            return PolicyParts(config=settings.ADMIN_CSP, update=parts.update, replace=parts.replace, nonce=None)
        return parts
