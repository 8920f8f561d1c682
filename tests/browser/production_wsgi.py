"""gunicorn's application for the production-stack browser tests: the production WSGI application,
with /media/ served from MEDIA_ROOT as the HTTPS proxy serves it in production."""

from django.conf import settings
from whitenoise import WhiteNoise

from metnum_site.wsgi import application as site

# autorefresh: image renditions are written while the tests run.
application = WhiteNoise(site, root=settings.MEDIA_ROOT, prefix=settings.MEDIA_URL, autorefresh=True)
