"""Every public page says what it is in `<meta name="description">`, in its own words (search engines
show it under the title; Lighthouse's SEO category requires it)."""

import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from editorial.models import InstitutionPage
from jobs.models import JobOffer
from metnum_site.descriptions import meta_description


def description(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    tag = BeautifulSoup(response.content, "html.parser").find("meta", attrs={"name": "description"})
    return tag["content"] if tag else None


def test_every_public_page_of_the_demo_has_its_own_description(client, demo_site):
    pages = [page.url for page in Page.objects.live().public().specific().filter(depth__gt=1)]
    offers = ["/offres/", *(offer.get_absolute_url() for offer in JobOffer.objects.open()[:5])]

    descriptions = {path: description(client, path) for path in pages + offers}

    assert not [path for path, text in descriptions.items() if not text], "pages sans description"
    assert len(set(descriptions.values())) == len(descriptions), "descriptions en double"
    assert all(len(descriptions[path]) <= 160 for path in pages)


def test_an_institution_page_is_described_by_its_intro_unless_the_editor_wrote_one(client, demo_site):
    page = InstitutionPage.objects.live().first()
    page.search_description = ""
    page.save_revision().publish()
    assert description(client, page.url) == meta_description(page.intro)

    page.search_description = "Recrutements numériques de l'agence."
    page.save_revision().publish()
    assert description(client, page.url) == "Recrutements numériques de l'agence."


def test_the_home_page_is_described_by_its_opening_text(client, demo_site):
    assert description(client, "/") == meta_description(demo_site.hero.value["text"])


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("", "  Deux  lignes\net des espaces. "), "Deux lignes et des espaces."),
        (("Court.", "Ignoré."), "Court."),
        (("", None), ""),
        (("mot " * 50,), ("mot " * 39).strip() + "…"),
    ],
)
def test_meta_description_takes_the_first_text_on_one_line_cut_after_a_word(texts, expected):
    assert meta_description(*texts) == expected
