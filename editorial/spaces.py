"""An institution's space on the site: its employer page under /employeurs/.

Shared by the demo loader and the command that opens a space for a new institution."""

from django.db import transaction
from wagtail.models import Site

from .models import InstitutionIndexPage, InstitutionPage

INDEX_DEFAULTS = {
    "slug": "employeurs",
    "title": "Employeurs",
    "intro": "Ministères, agences, autorités, juridictions : découvrez les employeurs publics qui recrutent des "
    "talents du numérique, leurs missions et leurs offres ouvertes.",
}


def get_or_create_institution_index(publish=True):
    """The /employeurs/ page, created under the default site's home page when missing."""
    index = InstitutionIndexPage.objects.first()
    if index is not None:
        return index, False
    home = Site.objects.get(is_default_site=True).root_page
    index = InstitutionIndexPage(**INDEX_DEFAULTS)
    home.add_child(instance=index)
    revision = index.save_revision()
    if publish:
        revision.publish()
    return index, True


@transaction.atomic
def get_or_create_institution_page(institution, publish=True, **fields):
    """The employer page of `institution` and whether it was created.

    A missing page is created under /employeurs/ with the institution's name and slug, plus `fields`
    (intro, body…), then published when `publish` is true or left as a draft otherwise. An existing
    page is returned untouched, published or not: editors' changes always win.
    """
    existing = InstitutionPage.objects.filter(institution=institution).first()
    if existing is not None:
        return existing, False
    index, _ = get_or_create_institution_index()
    page = InstitutionPage(institution=institution, title=institution.name, slug=institution.slug, **fields)
    if not publish:
        page.live = False
    index.add_child(instance=page)
    revision = page.save_revision()
    if publish:
        revision.publish()
    return page, True
