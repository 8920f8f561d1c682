"""Blocks that show live offers: only open ones (JobOffer.objects.open()), newest first, fixed queries."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory
from django.utils import timezone

from editorial.blocks import InstitutionOffersBlock, LatestOffersBlock
from editorial.spaces import get_or_create_institution_page
from tests.factories import InstitutionFactory, JobOfferFactory

from .pages import home_page

pytestmark = pytest.mark.django_db


def offer_titles(html):
    return [
        " ".join(title.get_text().split()) for title in BeautifulSoup(html, "html.parser").select(".fr-card__title")
    ]


@pytest.fixture
def institution():
    return InstitutionFactory(slug="dinum", acronym="DINUM")


@pytest.fixture
def offers(institution):
    """Open, draft, filled, past-deadline offers of the institution, and an open offer of another one."""
    today = timezone.localdate()
    JobOfferFactory(title="Ouverte ancienne", institution=institution, published=True)
    JobOfferFactory(title="Ouverte récente", institution=institution, published=True)
    JobOfferFactory(title="Brouillon", institution=institution)
    JobOfferFactory(title="Pourvue", institution=institution, filled_at=today, published=True)
    JobOfferFactory(
        title="Expirée", institution=institution, deadline=today - datetime.timedelta(days=1), published=True
    )
    JobOfferFactory(title="Ailleurs", institution=InstitutionFactory(), published=True)


def render(block, raw, page=None):
    value = block.to_python(raw)
    return block.render(value, context={"page": page, "request": RequestFactory().get("/")})


class TestInstitutionOffersBlock:
    def raw(self, institution=None, count=3):
        return {"heading": "Nos offres", "heading_level": "h2", "institution": institution, "count": count}

    def test_shows_only_the_open_offers_of_the_institution_newest_first(self, institution, offers):
        html = render(InstitutionOffersBlock(), self.raw(institution.pk))

        assert offer_titles(html) == ["Ouverte récente", "Ouverte ancienne"]
        assert 'href="/offres/?institution=dinum"' in html
        assert "Voir toutes les offres DINUM (2)" in html

    def test_defaults_to_the_institution_of_the_employer_page(self, institution, offers):
        home_page()
        page, _ = get_or_create_institution_page(institution)

        assert offer_titles(render(InstitutionOffersBlock(), self.raw(), page=page)) == [
            "Ouverte récente",
            "Ouverte ancienne",
        ]

    def test_says_so_when_nothing_is_open(self, institution):
        JobOfferFactory(institution=institution)  # a draft

        html = render(InstitutionOffersBlock(), self.raw(institution.pk))

        assert offer_titles(html) == []
        assert "aucune offre ouverte" in html

    def test_costs_the_same_queries_for_3_or_12_offers(self, institution, django_assert_num_queries):
        for _ in range(12):
            JobOfferFactory(institution=institution, published=True)
        block = InstitutionOffersBlock()

        with django_assert_num_queries(4):  # institution, offers, their contract types, the count
            assert len(offer_titles(render(block, self.raw(institution.pk, count=3)))) == 3
        with django_assert_num_queries(4):
            assert len(offer_titles(render(block, self.raw(institution.pk, count=12)))) == 12


class TestLatestOffersBlock:
    def test_shows_the_newest_open_offers_of_every_employer(self, offers):
        html = render(LatestOffersBlock(), {"heading": "Dernières offres", "heading_level": "h2", "count": 2})

        assert offer_titles(html) == ["Ailleurs", "Ouverte récente"]

    def test_shows_nothing_while_no_offer_is_open(self, institution):
        JobOfferFactory(institution=institution)

        assert (
            render(LatestOffersBlock(), {"heading": "Dernières offres", "heading_level": "h2", "count": 6}).strip()
            == ""
        )
