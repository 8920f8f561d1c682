"""Gzip for the public pages' HTML, never for the admin's.

BREACH recovers a secret from a compressed HTTPS response's length when the same response reflects
text the attacker chose. On public pages the only secrets are the CSRF token, which Django masks
anew on every response, and the CSP nonce, which changes on every response too; Django's middleware
also pads each compressed response with up to 100 random bytes. Admin pages carry more (personal
data, second-factor secrets) beside reflected search text, and weigh little in a candidate's visit:
they stay uncompressed. Reasoning in docs/security.md."""

from django.conf import settings
from django.middleware.gzip import GZipMiddleware


class PublicGZipMiddleware(GZipMiddleware):
    def process_response(self, request, response):
        if request.path_info.startswith(settings.ADMIN_PATH_PREFIXES):
            return response
        return super().process_response(request, response)
