import re

import pytest
from playwright.sync_api import expect

from .conftest import assert_accessible, axe_violations, wait_until

SHELL_PAGES = [
    ("/", 200),
    ("/mentions-legales/", 200),
    ("/accessibilite/", 200),
    ("/plan-du-site/", 200),
    # The email alerts (alerts/): the subscription form with a search, the pages after it, a bad link.
    ("/alertes/nouvelle/?q=data&region=11", 200),
    ("/alertes/demande-envoyee/", 200),
    ("/alertes/gerer/lien-altere/", 404),
    # The open-data API's documentation page (api/).
    ("/api/", 200),
    ("/cette-adresse-nexiste-pas/", 404),
]


@pytest.mark.parametrize("path,status", SHELL_PAGES)
def test_shell_pages_pass_axe_with_one_h1(page, site_url, path, status):
    response = page.goto(site_url + path)

    assert response.status == status
    assert page.locator("h1").count() == 1
    assert_accessible(page)


@pytest.mark.parametrize("path", ["/", "/mentions-legales/"])
def test_skip_link_moves_focus_to_the_main_content(page, site_url, path):
    page.goto(site_url + path)

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent.trim()") == "Contenu"
    page.keyboard.press("Enter")

    assert page.evaluate("document.activeElement.id") == "contenu"


def test_footer_links_work(page, site_url):
    page.goto(site_url + "/")
    links = page.locator(".fr-footer__bottom-link[href]")
    hrefs = [links.nth(index).get_attribute("href") for index in range(links.count())]

    assert len(hrefs) == 5
    for href in hrefs:
        assert page.goto(site_url + href).status == 200


def test_display_settings_switch_to_dark_theme(page, site_url):
    page.goto(site_url + "/")

    page.get_by_role("button", name="Paramètres d'affichage").click()
    page.get_by_text("Thème sombre").click()

    expect(page.locator("html")).to_have_attribute("data-fr-theme", "dark")
    assert_accessible(page)


def test_header_search_works_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/")

    page_without_js.get_by_label("Rechercher une offre d'emploi").fill("développeur")
    page_without_js.get_by_label("Rechercher une offre d'emploi").press("Enter")

    expect(page_without_js).to_have_url(re.compile(re.escape("/offres/?q=d%C3%A9veloppeur")))


def test_axe_harness_reports_violations(page):
    """Guards the harness itself: a page with a known defect must fail the check."""
    page.set_content('<html lang="fr"><head><title>t</title></head><body><main><img src="x.png"></main></body></html>')

    assert "image-alt" in {violation["id"] for violation in axe_violations(page)}


def test_the_dsfr_styles_apply(page, site_url):
    """Markup is not enough: the stylesheets must load and apply (they did not in production when
    their integrity hashes no longer matched the files served)."""
    page.goto(site_url + "/")
    wait_until(page, "document.documentElement.classList.contains('metnum-fonts')", 10_000)

    styles = page.evaluate(
        """() => ({
            font: getComputedStyle(document.body).fontFamily,
            container: getComputedStyle(document.querySelector(".fr-container")).maxWidth,
            sheets: [...document.querySelectorAll('link[rel="stylesheet"]')].map(link => Boolean(link.sheet)),
        })"""
    )

    assert "Marianne" in styles["font"]
    assert styles["sheets"] and all(styles["sheets"])
    assert styles["container"] != "none"  # the DSFR's grid caps the width of the page


BODY_FONT = "getComputedStyle(document.body).fontFamily"


def test_marianne_comes_after_the_first_paint_then_at_once_on_the_next_pages(page, site_url):
    """No font download may hold up or count in the first paint (Lighthouse, docs/benchmarks.md): on
    the first page of a visit the text is painted in the fallback, then in Marianne; the next pages
    use Marianne from the start, its files being in the browser's cache."""
    page.add_init_script(
        "window.fontsAtParseEnd = new Promise(resolve => document.addEventListener('DOMContentLoaded', () =>"
        " resolve(document.documentElement.classList.contains('metnum-fonts'))));"
    )
    page.goto(site_url + "/")
    assert page.evaluate("window.fontsAtParseEnd") is False
    wait_until(page, "document.documentElement.classList.contains('metnum-fonts')", 10_000)
    assert page.evaluate(BODY_FONT).startswith("Marianne")
    wait_until(page, "document.fonts.check('1em Marianne')", 10_000)
    painted = page.evaluate("performance.getEntriesByName('first-contentful-paint')[0].startTime")
    fonts = page.evaluate(
        "performance.getEntriesByType('resource').filter(entry => entry.name.includes('/fonts/Marianne'))"
        ".map(entry => entry.startTime)"
    )
    assert fonts and min(fonts) > painted

    page.goto(site_url + "/offres/")
    assert page.evaluate("window.fontsAtParseEnd") is True
    assert page.evaluate(BODY_FONT).startswith("Marianne")


def test_marianne_applies_from_the_start_without_javascript(page_without_js, site_url):
    page_without_js.goto(site_url + "/offres/")

    assert page_without_js.evaluate(BODY_FONT).startswith("Marianne")
    assert page_without_js.evaluate(
        "getComputedStyle(document.querySelector('input[type=search]')).fontFamily"
    ).startswith("Marianne")
