"""Blocks that show stories or employers: the editor's choice in its order, or an automatic pick."""

import pytest
from bs4 import BeautifulSoup
from django.test import RequestFactory

from editorial.blocks import FeaturedInstitutionsBlock, StoriesBlock

from .pages import home_page, make_employer, make_story, story_index

pytestmark = pytest.mark.django_db


def card_titles(block, raw, page=None):
    html = block.render(block.to_python(raw), context={"page": page, "request": RequestFactory().get("/")})
    return [
        " ".join(title.get_text().split()) for title in BeautifulSoup(html, "html.parser").select(".fr-card__title")
    ]


def stories_raw(stories=(), tag="", count=3):
    return {
        "heading": "Témoignages",
        "heading_level": "h2",
        "stories": [s.pk for s in stories],
        "tag": tag,
        "count": count,
    }


@pytest.fixture
def stories():
    index = story_index()
    return [
        make_story(index, title="Ancien", tag_names=["Données"]),
        make_story(index, title="Moyen", tag_names=["Design"]),
        make_story(index, title="Récent", tag_names=["Données"]),
    ]


class TestStoriesBlock:
    def test_shows_the_chosen_stories_in_the_chosen_order(self, stories):
        old, _, recent = stories

        assert card_titles(StoriesBlock(), stories_raw([old, recent])) == ["Ancien", "Récent"]

    def test_drops_a_chosen_story_that_is_no_longer_live(self, stories):
        old, middle, _ = stories
        middle.unpublish()

        assert card_titles(StoriesBlock(), stories_raw([middle, old])) == ["Ancien"]

    def test_picks_the_latest_stories_otherwise_with_a_tag_when_given(self, stories):
        assert card_titles(StoriesBlock(), stories_raw(count=2)) == ["Récent", "Moyen"]
        assert card_titles(StoriesBlock(), stories_raw(tag="données")) == ["Récent", "Ancien"]

    def test_never_shows_the_story_it_sits_in(self, stories):
        assert "Récent" not in card_titles(StoriesBlock(), stories_raw(), page=stories[2])


class TestFeaturedInstitutionsBlock:
    def raw(self, pages=(), count=4):
        return {"heading": "Ils recrutent", "heading_level": "h2", "pages": [p.pk for p in pages], "count": count}

    def test_picks_the_employers_with_the_most_open_offers(self):
        home_page()
        make_employer(name="Une offre", open_offers=1)
        make_employer(name="Trois offres", open_offers=3)
        make_employer(name="Aucune offre", open_offers=0)

        assert card_titles(FeaturedInstitutionsBlock(), self.raw(count=2)) == ["Trois offres", "Une offre"]

    def test_shows_the_chosen_employers_in_the_chosen_order(self):
        home_page()
        first, second = make_employer(name="Premier"), make_employer(name="Second", open_offers=5)

        assert card_titles(FeaturedInstitutionsBlock(), self.raw([first, second])) == ["Premier", "Second"]
