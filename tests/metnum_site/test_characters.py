"""Characters that feeds and exports refuse (metnum_site/characters.py) never reach the database:
stripped on every save and on import, so the feeds and the spreadsheet exports always render."""

import io

import feedparser
import openpyxl
import pytest

from editorial.models import StandardPage
from jobs.models import JobOffer
from metnum_site.characters import printable
from tests.factories import InstitutionFactory, JobOfferFactory
from tests.jobs.admin_helpers import offer_url

pytestmark = pytest.mark.django_db
DIRTY = "Data\x0bengineer\x00 \x1f– Pôle\x0cdonnées\ufffe"


def test_printable_keeps_text_line_breaks_and_tabs():
    assert printable(DIRTY) == "Data engineer – Pôle données"
    assert printable("Ligne\n\tsuite\r\n") == "Ligne\n\tsuite\r\n"
    assert printable(None) is None


def test_every_save_stores_clean_text(settings):
    settings.ELASTICSEARCH_URL = ""
    institution = InstitutionFactory(name="Ministère\x0bdes Essais")
    offer = JobOfferFactory(title=DIRTY, institution=institution, city="Paris\x07", published=True)

    offer.refresh_from_db()
    assert (offer.title, offer.city, offer.institution.name) == (
        "Data engineer – Pôle données",
        "Paris",
        "Ministère des Essais",
    )


def test_feeds_render_even_for_a_row_written_around_the_models(client, settings):
    settings.ELASTICSEARCH_URL = ""
    offer = JobOfferFactory(title="Analyste", published=True)
    # No save: what an older row may hold (PostgreSQL itself refuses NUL, the other characters pass).
    JobOffer.objects.filter(pk=offer.pk).update(title=DIRTY.replace("\x00", ""))

    for path in ("/offres/flux.rss", "/offres/flux.atom"):
        response = client.get(path)
        assert response.status_code == 200
        assert feedparser.parse(response.content).entries[0].title == "Data engineer – Pôle données"


def test_the_offer_spreadsheet_export_renders(admin_client, settings):
    settings.ELASTICSEARCH_URL = ""
    JobOfferFactory(title=DIRTY, published=True)

    response = admin_client.get(offer_url("list"), {"export": "xlsx"})

    assert response.status_code == 200
    workbook = openpyxl.load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    assert "Data engineer – Pôle données" in [cell for row in workbook.active.values for cell in row]


def test_a_page_title_is_cleaned_too(demo_site):
    page = demo_site.add_child(instance=StandardPage(title="Mentions\x0blégales bis", slug="mentions-bis"))
    page.refresh_from_db()
    assert page.title == "Mentions légales bis"
