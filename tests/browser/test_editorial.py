"""Employer, story and guide pages in a real browser: axe-core, one h1, the table of contents, and the
filters without JavaScript. All built from the demo content."""

import io

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from .conftest import assert_accessible

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


@pytest.fixture(scope="session")
def employers_site(site_url, django_db_blocker):
    """The demo site with employers and their offers (committed once), then the demo loader again so
    that it writes their employer pages, as `make run` does once the jobs demo has run."""
    from tests.factories import InstitutionFactory, JobOfferFactory

    with django_db_blocker.unblock():
        for slug, name, acronym, kind in [
            ("dinum", "Direction interministérielle du numérique", "DINUM", "autre"),
            ("insee", "Institut national de la statistique et des études économiques", "Insee", "etablissement_public"),
            ("ministere-interieur", "Ministère de l'Intérieur", "", "ministere"),
        ]:
            institution = InstitutionFactory(slug=slug, name=name, acronym=acronym, kind=kind)
            if not institution.job_offers.exists():
                JobOfferFactory.create_batch(2, institution=institution, published=True)
        call_command("load_demo_content", stdout=io.StringIO())
    return site_url


@pytest.mark.parametrize("path", EDITORIAL_PAGES)
def test_editorial_pages_pass_axe_with_one_h1(page, employers_site, path):
    response = page.goto(employers_site + path)

    assert response.status == 200
    assert page.locator("h1").count() == 1
    assert page.locator("main .fr-card, main .fr-summary, main h2").count() > 0, "page vide"
    assert_accessible(page)


def test_guide_table_of_contents_leads_to_its_headings(page, employers_site):
    page.goto(employers_site + GUIDE)
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


def test_accordion_answers_open_with_the_keyboard(page, employers_site):
    page.goto(employers_site + "/employeurs/dinum/")
    page.wait_for_function("document.documentElement.getAttribute('data-fr-js') === 'true'")
    question = page.get_by_role("button", name="Le télétravail est-il possible ?")
    answer = page.locator(".fr-accordion", has=question).locator(".fr-collapse")
    expect(answer).to_be_hidden()

    question.focus()
    page.keyboard.press("Enter")

    expect(question).to_have_attribute("aria-expanded", "true")
    expect(answer).to_be_visible()
    assert_accessible(page)


def test_employer_filter_works_without_javascript(page_without_js, employers_site):
    page_without_js.goto(employers_site + "/employeurs/")

    page_without_js.get_by_label("Type d'employeur").select_option("ministere")
    page_without_js.get_by_role("button", name="Filtrer").click()

    assert "type=ministere" in page_without_js.url
    titles = page_without_js.locator("main .fr-card__title").all_inner_texts()
    assert titles == ["Ministère de l'Intérieur"]


def test_story_filters_work_without_javascript(page_without_js, employers_site):
    page_without_js.goto(employers_site + "/temoignages/")

    page_without_js.get_by_label("Thème", exact=True).select_option(label="Données")
    page_without_js.get_by_role("button", name="Filtrer").click()

    assert "tag=donnees" in page_without_js.url
    assert page_without_js.locator("main .fr-card").count() == 2  # the demo stories of Sophie and Nadia
    page_without_js.get_by_role("link", name="Thème : Données").click()
    assert page_without_js.locator("main .fr-card").count() == 12


def test_accordion_answers_are_readable_without_javascript(page_without_js, employers_site):
    page_without_js.goto(employers_site + "/employeurs/dinum/")
    question = page_without_js.get_by_role("button", name="Le télétravail est-il possible ?")

    assert page_without_js.locator(".fr-accordion", has=question).locator(".fr-collapse").is_visible()
