import pytest
from django.utils import timezone

from jobs.models import JobOffer
from tests.factories import JobOfferFactory
from tests.jobs.helpers import expired_offer, filled_offer, queries_for, soup, text

pytestmark = pytest.mark.django_db


def home_offer_titles(client):
    section = soup(client.get("/")).select_one("section[aria-labelledby=dernieres-offres]")
    return [text(title) for title in section.select(".fr-card__title")] if section else None


def test_home_shows_the_six_newest_open_offers(client, demo_site):
    for index in range(8):
        JobOfferFactory(title=f"Offre {index}", published=True)
    expired_offer(title="Expirée")
    filled_offer(title="Pourvue")
    JobOfferFactory(title="Brouillon")

    page = soup(client.get("/"))

    section = page.select_one("section[aria-labelledby=dernieres-offres]")
    assert text(section.h2) == "Dernières offres"
    assert home_offer_titles(client) == [f"Offre {index}" for index in (7, 6, 5, 4, 3, 2)]
    assert {title.name for title in section.select(".fr-card__title")} == {"h3"}
    assert section.find("a", string="Voir toutes les offres")["href"] == "/offres/"
    assert len(page.find_all("h1")) == 1


def test_no_open_offer_no_section(client, demo_site):
    JobOffer.objects.open().update(filled_at=timezone.localdate())  # the demo's open offers, all filled
    expired_offer()

    assert home_offer_titles(client) is None


def test_home_queries_do_not_grow_with_the_offers(client, demo_site):
    JobOfferFactory(published=True, contract_codes=("stage",))
    with_one = queries_for(client, "/")
    for _ in range(7):
        JobOfferFactory(published=True, contract_codes=("contractuel", "stage", "freelance"))

    assert queries_for(client, "/") == with_one
