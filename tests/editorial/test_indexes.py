"""Filters of the index pages, through the URL, as a visitor (or an old link) would use them."""

import pytest
from bs4 import BeautifulSoup

from editorial.models import InstitutionIndexPage
from tests.factories import InstitutionFactory, profession

from .pages import home_page, make_employer, make_story, story_index

pytestmark = pytest.mark.django_db


def card_titles(response):
    assert response.status_code == 200
    soup = BeautifulSoup(response.content, "html.parser")
    return [" ".join(title.get_text().split()) for title in soup.select("main .fr-card__title")]


class TestEmployerIndex:
    @pytest.fixture
    def employers(self):
        home_page()
        make_employer(name="Ministère des Tests", kind="ministere", open_offers=2)
        make_employer(name="Agence des Essais", kind="etablissement_public", open_offers=0)
        return InstitutionIndexPage.objects.get()

    def test_lists_every_live_employer_page_with_its_open_offers(self, client, employers):
        response = client.get("/employeurs/")
        html = response.content.decode()

        assert card_titles(response) == ["Agence des Essais", "Ministère des Tests"]
        assert "2 offres ouvertes" in html
        assert "Aucune offre ouverte en ce moment" in html

    def test_counts_only_open_offers(self, client, employers):
        from tests.factories import JobOfferFactory

        institution = employers.get_children().specific().get(title="Ministère des Tests").institution
        JobOfferFactory(institution=institution)  # draft
        closed = JobOfferFactory(institution=institution, published=True)
        closed.filled_at = closed.deadline
        closed.save()

        assert "2 offres ouvertes" in client.get("/employeurs/").content.decode()

    def test_hides_draft_pages(self, client, employers):
        employers.get_children().get(title="Agence des Essais").unpublish()

        assert card_titles(client.get("/employeurs/")) == ["Ministère des Tests"]

    def test_filters_by_kind(self, client, employers):
        response = client.get("/employeurs/?type=ministere")

        assert card_titles(response) == ["Ministère des Tests"]
        assert "<title>Employeurs — Ministère" in response.content.decode()

    def test_offers_only_the_kinds_present(self, client, employers):
        soup = BeautifulSoup(client.get("/employeurs/").content, "html.parser")
        options = [option["value"] for option in soup.select("select[name=type] option")]

        assert options == ["", "ministere", "etablissement_public"]

    def test_ignores_an_unknown_kind(self, client, employers):
        assert len(card_titles(client.get("/employeurs/?type=inconnu"))) == 2


class TestStoryIndex:
    @pytest.fixture
    def stories(self):
        index = story_index()
        dinum = InstitutionFactory(slug="dinum", name="DINUM")
        insee = InstitutionFactory(slug="insee", name="Insee")
        make_story(
            index,
            title="Data à l'Insee",
            tag_names=["Données"],
            person_institution=insee,
            person_profession=profession("donnees"),
        )
        make_story(
            index,
            title="Code à la DINUM",
            tag_names=["Développement"],
            person_institution=dinum,
            person_profession=profession("developpement"),
        )
        make_story(index, title="Données à la DINUM", tag_names=["Données", "Télétravail"], person_institution=dinum)
        return index

    def test_filters_by_tag_institution_and_profession(self, client, stories):
        assert set(card_titles(client.get("/temoignages/?tag=donnees"))) == {"Data à l'Insee", "Données à la DINUM"}
        assert set(card_titles(client.get("/temoignages/?institution=dinum"))) == {
            "Code à la DINUM",
            "Données à la DINUM",
        }
        assert card_titles(client.get("/temoignages/?metier=developpement")) == ["Code à la DINUM"]
        assert card_titles(client.get("/temoignages/?tag=donnees&institution=dinum")) == ["Données à la DINUM"]

    def test_shows_the_active_filters_with_a_link_to_remove_each(self, client, stories):
        soup = BeautifulSoup(client.get("/temoignages/?tag=donnees&institution=dinum").content, "html.parser")
        removals = {" ".join(tag.get_text().split()): tag["href"] for tag in soup.select("main a.fr-tag")}

        assert removals == {"Thème : Données": "?institution=dinum", "Employeur : DINUM": "?tag=donnees"}
        assert soup.select_one("select[name=tag] option[selected]")["value"] == "donnees"

    @pytest.mark.parametrize(
        "query",
        ["?tag=inconnu", "?institution=nulle-part", "?metier=astronaute", "?page=abc", "?page=999", "?tag=&page=-1"],
    )
    def test_ignores_unknown_values(self, client, stories, query):
        response = client.get("/temoignages/" + query)

        assert len(card_titles(response)) == 3
        assert "Filtres actifs" not in response.content.decode()

    def test_paginates_twelve_stories_a_page(self, client, stories):
        for _ in range(11):
            make_story(stories, tag_names=["Données"])

        first, second = client.get("/temoignages/"), client.get("/temoignages/?page=2")
        filtered_second = client.get("/temoignages/?tag=donnees&page=2")

        assert len(card_titles(first)) == 12
        assert len(card_titles(second)) == 2
        assert len(card_titles(filtered_second)) == 1
        assert "page 2" in second.content.decode()
        soup = BeautifulSoup(filtered_second.content, "html.parser")
        assert "tag=donnees" in soup.select_one(".fr-pagination__link--first")["href"]

    @pytest.mark.parametrize(
        "page, notice",
        [
            ("9", "La page 9 n'existe pas : voici la dernière, la page 2."),
            ("1" + "0" * 30, "La page demandée n'existe pas : voici la dernière, la page 2."),
            ("<b>x</b>", "Le numéro de page «\u00a0<b>x</b>\u00a0» n'est pas un nombre : voici la première page."),
        ],
    )
    def test_a_page_that_does_not_exist_is_explained(self, client, stories, page, notice):
        for _ in range(11):
            make_story(stories)

        response = client.get(f"/temoignages/?page={page}")

        assert response.status_code == 200
        soup = BeautifulSoup(response.content, "html.parser")
        assert soup.select_one(".fr-alert").get_text(" ", strip=True) == notice
        current = soup.select_one(".fr-pagination [aria-current=page]").get_text(strip=True)
        assert current == ("1" if "première" in notice else "2")
