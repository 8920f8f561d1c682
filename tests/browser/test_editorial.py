"""Employer, story and guide pages in a real browser: axe-core, one h1, the table of contents, and the
filters without JavaScript. All built from the demo content."""

import pytest
from playwright.sync_api import expect

from editorial.models import InstitutionPage

from .conftest import assert_accessible, wait_until

STORY = "/temoignages/amina-developpeuse-equipe-produit/"
GUIDE = "/guides/fonctionnaire-ou-contractuel/"
EDITORIAL_PAGES = [
    "/",
    "/employeurs/",
    "/employeurs/?type=ministere",
    "/employeurs/dinum/",
    "/temoignages/",
    "/temoignages/?tag=donnees",
    STORY,
    "/guides/",
    GUIDE,
]


@pytest.mark.parametrize("path", EDITORIAL_PAGES)
def test_editorial_pages_pass_axe_with_one_h1(page, site_url, path):
    response = page.goto(site_url + path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("main .fr-card, main .fr-summary, main h2").count() > 0, "page vide"
    assert_accessible(page)


def test_guide_table_of_contents_leads_to_its_headings(page, site_url):
    page.goto(site_url + GUIDE)
    summary = page.locator("nav.fr-summary")
    assert_accessible(page, "nav.fr-summary")

    link = summary.get_by_role("link", name="Le contractuel")
    link.click()

    assert page.url.endswith("#le-contractuel")
    target = page.locator("#le-contractuel")
    assert target.evaluate("element => element.tagName") == "H2"
    assert target.is_visible()
    hrefs = summary.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
    assert len(hrefs) == len(set(hrefs))
    for href in hrefs:
        assert page.locator(href).count() == 1


def test_accordion_answers_open_with_the_keyboard(page, site_url):
    page.goto(site_url + "/employeurs/dinum/")
    wait_until(page, "document.documentElement.getAttribute('data-fr-js') === 'true'")
    question = page.get_by_role("button", name="Le télétravail est-il possible ?")
    answer = page.locator(".fr-accordion", has=question).locator(".fr-collapse")
    expect(answer).to_be_hidden()

    question.focus()
    page.keyboard.press("Enter")

    expect(question).to_have_attribute("aria-expanded", "true")
    expect(answer).to_be_visible()
    assert_accessible(page)


def test_employer_filter_works_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/employeurs/")

    page_without_js.get_by_label("Type d'employeur").select_option("ministere")
    page_without_js.get_by_role("button", name="Filtrer").click()

    assert "type=ministere" in page_without_js.url
    ministries = InstitutionPage.objects.live().filter(institution__kind="ministere")
    # The click returns once the new page starts loading: wait for its cards before reading them.
    cards = page_without_js.locator("main .fr-card__title")
    expect(cards).to_have_count(ministries.count())
    titles = cards.all_inner_texts()
    assert sorted(title.strip() for title in titles) == sorted(page.title for page in ministries)
    assert len(titles) >= 3


def test_story_filters_work_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/temoignages/")

    page_without_js.get_by_label("Thème", exact=True).select_option(label="Données")
    page_without_js.get_by_role("button", name="Filtrer").click()

    assert "tag=donnees" in page_without_js.url
    # expect() waits for the new page: count() right after the click could read the old one.
    expect(page_without_js.locator("main .fr-card")).to_have_count(2)  # the demo stories of Sophie and Nadia
    page_without_js.get_by_role("link", name="Thème : Données").click()
    expect(page_without_js.locator("main .fr-card")).to_have_count(12)


def test_accordion_answers_are_readable_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/employeurs/dinum/")
    question = page_without_js.get_by_role("button", name="Le télétravail est-il possible ?")

    assert page_without_js.locator(".fr-accordion", has=question).locator(".fr-collapse").is_visible()
