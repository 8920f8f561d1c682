"""Where CVs are kept: a private directory outside MEDIA_ROOT (settings.PRIVATE_MEDIA_ROOT), with no
public address. A CV only leaves it through a view that checks who asks (candidates.views and the
recruiters' views), as an attachment."""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    def __init__(self):
        # Readable by the site's account only, whatever the umask.
        super().__init__(file_permissions_mode=0o600, directory_permissions_mode=0o700)

    # Read at each use, not once: tests and deployments may point PRIVATE_MEDIA_ROOT elsewhere.
    @property
    def base_location(self):
        return str(settings.PRIVATE_MEDIA_ROOT)

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    def url(self, name):
        raise ValueError("Les fichiers privés n'ont pas d'adresse publique.")


def private_storage():
    return PrivateStorage()


def random_cv_name(instance, filename):
    # Never the name the person gave: it can carry their name, and it would be guessable.
    return f"cv/{uuid.uuid4().hex}.pdf"
