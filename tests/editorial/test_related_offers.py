"""Stories and guides lead to open offers (« Offres liées »), and offers to their institution's
stories, from the profession, institution and theme tags the editors already set."""

import datetime

import pytest
from bs4 import BeautifulSoup
from django.utils import timezone

from tests.factories import InstitutionFactory, JobOfferFactory, profession

from .pages import guide_index, make_guide, make_story, story_index

pytestmark = pytest.mark.django_db


def section_titles(client, url, section_id):
    page = BeautifulSoup(client.get(url).content, "html.parser")
    heading = page.find(id=section_id)
    if heading is None:
        return []
    return [" ".join(title.get_text(" ").split()) for title in heading.find_parent("section").select(".fr-card__title")]


def closed(**fields):
    offer = JobOfferFactory(published=True, **fields)
    offer.deadline = timezone.localdate() - datetime.timedelta(days=1)
    type(offer).objects.filter(pk=offer.pk).update(deadline=offer.deadline)
    return offer


def test_a_story_shows_open_offers_of_its_profession_institution_and_themes(client):
    dinum = InstitutionFactory(name="Direction du numérique", slug="dinum")
    JobOfferFactory(title="Développeuse Django", profession=profession("developpement"), published=True)
    JobOfferFactory(
        title="Cheffe de projet DINUM", institution=dinum, profession=profession("produit-projet"), published=True
    )
    JobOfferFactory(title="Ingénieure données", profession=profession("donnees"), published=True)
    JobOfferFactory(title="Experte cloud", skill_names=("Design",), published=True)
    JobOfferFactory(title="Brouillon Django", profession=profession("developpement"))
    closed(title="Fermée Django", profession=profession("developpement"))
    JobOfferFactory(title="Sans rapport", profession=profession("securite"), published=True)
    story = make_story(
        story_index(), tag_names=("Design",), person_institution=dinum, person_profession=profession("developpement")
    )

    titles = section_titles(client, story.url, "offres-liees")

    assert sorted(titles) == ["Cheffe de projet DINUM", "Développeuse Django", "Experte cloud"]


def test_a_guide_shows_open_offers_whose_profession_or_skills_bear_one_of_its_themes(client):
    JobOfferFactory(title="Ingénieure données", profession=profession("donnees"), published=True)
    JobOfferFactory(title="Designer de services", profession=profession("design"), published=True)
    guide = make_guide(guide_index(), tag_names=("Données",))
    unrelated = make_guide(guide_index(), tag_names=("Carrière",))

    assert section_titles(client, guide.url, "offres-liees") == ["Ingénieure données"]
    assert section_titles(client, unrelated.url, "offres-liees") == []  # no section at all


def test_an_offer_shows_its_institutions_stories(client):
    dinum = InstitutionFactory(name="Direction du numérique", slug="dinum")
    JobOfferFactory(title="Développeuse Django", institution=dinum, published=True)
    make_story(story_index(), title="Coder pour l'État", person_institution=dinum)
    make_story(story_index(), title="Ailleurs", person_institution=InstitutionFactory())

    assert section_titles(client, "/offres/developpeuse-django/", "temoignages-employeur") == ["Coder pour l'État"]
