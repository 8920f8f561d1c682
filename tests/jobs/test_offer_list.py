import pytest

from jobs.models import JobOffer
from tests.factories import InstitutionFactory, JobOfferFactory

from .helpers import days_from_today, expired_offer, filled_offer, queries_for, scheduled_offer, soup, text

pytestmark = pytest.mark.django_db


def card_titles(response):
    return [text(title) for title in soup(response).select(".fr-card__title")]


def publish_offers(count, **kwargs):
    """`count` open offers, each with its own institution, published oldest first."""
    return [JobOfferFactory(title=f"Offre {index:02d}", published=True, **kwargs) for index in range(count)]


def test_lists_only_open_offers_newest_first(client):
    JobOfferFactory(title="Ancienne", published=True)
    JobOfferFactory(title="Récente", published=True)
    JobOfferFactory(title="Brouillon")
    expired_offer(title="Expirée")
    filled_offer(title="Pourvue")
    scheduled_offer(title="Programmée")

    response = client.get("/offres/")

    assert response.status_code == 200
    assert card_titles(response) == ["Récente", "Ancienne"]
    assert text(soup(response).select_one("[role=status] h2")) == "2 offres"


def test_a_card_shows_what_a_candidate_needs_to_choose(client):
    institution = InstitutionFactory(name="Direction interministérielle du numérique")
    JobOfferFactory(
        title="Cheffe ou chef de produit",
        institution=institution,
        city="Lyon",
        postal_code="69003",
        remote="total",
        contract_codes=("contractuel", "freelance"),
        deadline=days_from_today(10),
        published=True,
    )
    deadline = days_from_today(10)

    card = soup(client.get("/offres/")).select_one(".fr-card")

    assert card.select_one("h3 a")["href"] == "/offres/cheffe-ou-chef-de-produit/"
    card_text = text(card)
    for expected in [
        "Cheffe ou chef de produit",
        "Direction interministérielle du numérique",
        "Lyon (Rhône)",
        "Contractuel uniquement",
        "Freelance",
        "Télétravail total",
        f"Candidature jusqu'au {deadline.day}",
        str(deadline.year),
    ]:
        assert expected in card_text


def test_page_has_one_h1_and_feed_links(client):
    publish_offers(1)
    page = soup(client.get("/offres/"))

    assert len(page.find_all("h1")) == 1
    assert page.title.string.startswith("Offres d'emploi")
    alternates = {link["type"]: link["href"] for link in page.find_all("link", rel="alternate")}
    assert alternates == {"application/rss+xml": "/offres/flux.rss", "application/atom+xml": "/offres/flux.atom"}


def test_no_open_offer_says_so(client):
    expired_offer()

    response = client.get("/offres/")

    assert "Aucune offre n'est ouverte pour le moment" in text(soup(response).main)
    assert not soup(response).select(".fr-pagination")


def test_twenty_offers_per_page_with_dsfr_pagination(client):
    publish_offers(45)

    first = client.get("/offres/")
    third = client.get("/offres/?page=3")

    assert len(card_titles(first)) == 20
    assert card_titles(first)[0] == "Offre 44"
    assert card_titles(third) == ["Offre 04", "Offre 03", "Offre 02", "Offre 01", "Offre 00"]
    pagination = soup(first).select_one("nav.fr-pagination")
    assert pagination.select_one("[aria-current=page]").string.strip() == "1"
    assert pagination.select_one(".fr-pagination__link--last")["href"] == "?page=3"
    assert "page 3" in soup(third).title.string


def test_odd_page_numbers_never_fail(client):
    publish_offers(21)
    cases = {"page=999": 2, "page=abc": 1, "page=-2": 1, "page=0": 1, "page=": 1, "page=2.5": 1, "page=2": 2}

    for query, expected_page in cases.items():
        response = client.get(f"/offres/?{query}")

        assert response.status_code == 200, query
        current = soup(response).select_one(".fr-pagination [aria-current=page]")
        assert current.string.strip() == str(expected_page), query


def test_other_query_parameters_are_kept_by_the_pagination(client):
    publish_offers(21)

    pagination = soup(client.get("/offres/?tri=date")).select_one(".fr-pagination")

    assert pagination.select_one(".fr-pagination__link--next")["href"] == "?tri=date&page=2"


def test_same_number_of_queries_for_5_or_20_offers(client):
    publish_offers(5, contract_codes=("contractuel", "stage"))
    with_five = queries_for(client, "/offres/")
    publish_offers(15, contract_codes=("contractuel", "stage", "freelance"))
    assert JobOffer.objects.open().count() == 20

    with_twenty = queries_for(client, "/offres/")

    assert with_twenty == with_five
    assert with_twenty <= 12
