"""Security headers sent with every response, in every environment (see docs/security.md).

Two Content-Security-Policies: the public site's, strict (scripts from this site or carrying the
request's nonce, nothing inline), and the admin's, with the relaxations Wagtail 8 needs, each with
its reason. metnum_site.csp.PolicyPerAreaMiddleware picks one per request."""

from csp.constants import NONCE, NONE, SELF

# The video platforms that editors may embed (editorial/blocks/media.py, WAGTAILEMBEDS_FINDERS).
VIDEO_FRAMES = [
    "https://www.youtube.com",
    "https://www.youtube-nocookie.com",
    "https://player.vimeo.com",
    "https://www.dailymotion.com",
    "https://geo.dailymotion.com",
]


def content_security_policies(matomo_url=""):
    """(public policy, admin policy); the public one lets the Matomo server in when one is set."""
    matomo = [matomo_url.rstrip("/")] if matomo_url else []
    public = {
        "default-src": [SELF],
        "script-src": [SELF, NONCE, *matomo],
        "style-src": [SELF],
        "img-src": [SELF, "data:", *matomo],
        "font-src": [SELF],
        "connect-src": [SELF, *matomo],
        "manifest-src": [SELF],
        "frame-src": VIDEO_FRAMES,
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
    admin = {
        **public,
        # Wagtail 8's admin templates carry inline <script> blocks (editor bootstrap data, the
        # sidebar's props, choosers' modal responses) without a nonce: 'unsafe-inline' is the only
        # way to run them. No nonce in this policy, since a nonce makes browsers ignore it.
        "script-src": [SELF, "'unsafe-inline'"],
        # Draftail, the sidebar and the choosers write style="" attributes.
        "style-src": [SELF, "'unsafe-inline'"],
        # Image uploads are previewed from blob: URLs before they are sent.
        "img-src": [SELF, "data:", "blob:"],
        "connect-src": [SELF],
        # The page and offer previews are this site's own pages in an admin iframe.
        "frame-src": [SELF, *VIDEO_FRAMES],
        "frame-ancestors": [SELF],
    }
    return public, admin


ADMIN_PATH_PREFIXES = ("/admin/", "/django-admin/")

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
# Nothing on the site uses these browser features; embedded videos may go full screen.
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "autoplay": [],
    "camera": [],
    "display-capture": [],
    "encrypted-media": [],
    "fullscreen": ["self", *VIDEO_FRAMES],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "midi": [],
    "payment": [],
    "usb": [],
}
# No Gravatar in the admin: it would send a hash of every editor's address to a third party, and
# the admin policy allows images from this site only.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
