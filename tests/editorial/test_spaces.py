import pytest

from editorial.models import InstitutionIndexPage, InstitutionPage
from editorial.spaces import get_or_create_institution_page
from tests.factories import InstitutionFactory

from .pages import home_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def institution():
    home_page()
    return InstitutionFactory(slug="anssi", name="Agence nationale de la sécurité des systèmes d'information")


def test_creates_a_published_page_under_the_employer_index(institution):
    page, created = get_or_create_institution_page(institution)

    assert created and page.live
    assert page.url == "/employeurs/anssi/"
    assert page.title == institution.name
    assert page.get_parent().specific_class is InstitutionIndexPage
    assert institution.public_url == "/employeurs/anssi/"


def test_can_create_a_draft_that_is_not_public(institution):
    page, created = get_or_create_institution_page(institution, publish=False)

    assert created and not page.live
    assert page.get_latest_revision() is not None
    assert institution.public_url is None


def test_is_idempotent_and_keeps_the_editors_changes(institution):
    page, _ = get_or_create_institution_page(institution, publish=False)
    page.intro = "Texte de l'équipe"
    page.save_revision().publish()

    again, created = get_or_create_institution_page(institution, publish=False, intro="Autre texte")

    assert not created and again.pk == page.pk
    assert InstitutionPage.objects.get().intro == "Texte de l'équipe"
    assert InstitutionPage.objects.get().live
    assert InstitutionIndexPage.objects.count() == 1


def test_the_page_slug_follows_the_institution(institution):
    page, _ = get_or_create_institution_page(institution)
    page.slug = "autre-chose"
    page.full_clean()

    assert page.slug == "anssi"


def test_an_institution_without_page_has_no_public_url():
    assert InstitutionFactory().public_url is None


def test_an_offer_page_links_to_the_live_employer_page(client, institution):
    from tests.factories import JobOfferFactory

    offer = JobOfferFactory(institution=institution, published=True)
    page, _ = get_or_create_institution_page(institution)

    assert 'href="/employeurs/anssi/"' in client.get(offer.get_absolute_url()).content.decode()
    page.unpublish()
    assert 'href="/employeurs/anssi/"' not in client.get(offer.get_absolute_url()).content.decode()
