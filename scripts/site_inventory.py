"""What a site holds, as one JSON object: the numbers scripts/ci-backup-check compares between the
backed-up database and the restored one, and the status of a few public pages rendered from it.

    DATABASE_URL=postgres://… MEDIA_ROOT=… .venv/bin/python scripts/site_inventory.py

Settings: DJANGO_SETTINGS_MODULE, or metnum_site.settings.dev (background tasks run at once).
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def inventory():
    from django.core.files.storage import default_storage
    from django.test import Client
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from jobs.models import Institution, JobOffer

    images = get_image_model().objects.all()
    offer = JobOffer.objects.open().order_by("pk").first()
    client = Client(HTTP_HOST="localhost")
    pages = {"accueil": "/", "recherche": "/offres/", "employeurs": "/employeurs/"}
    if offer is not None:
        pages["offre"] = offer.get_absolute_url()
    return {
        "offres": JobOffer.objects.count(),
        "offres_ouvertes": JobOffer.objects.open().count(),
        "employeurs": Institution.objects.count(),
        "pages": Page.objects.count(),
        "pages_publiees": Page.objects.live().count(),
        "images": images.count(),
        "images_dont_le_fichier_existe": sum(default_storage.exists(image.file.name) for image in images),
        "documents": get_document_model().objects.count(),
        "statut_des_pages": {name: client.get(path).status_code for name, path in pages.items()},
    }


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "metnum_site.settings.dev")
    import django

    django.setup()
    print(json.dumps(inventory(), ensure_ascii=False, indent=1, sort_keys=True))


if __name__ == "__main__":
    main()
