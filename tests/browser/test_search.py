"""The offer search in a real browser: a candidate's journey with and without JavaScript, axe-core on
the search pages and on the open suggestion list, the suggestions with the keyboard."""

import re

from playwright.sync_api import expect

from .conftest import assert_accessible


def total(page):
    return page.locator("#total-offres h2").inner_text()


def tick(page, fieldset, name):
    """Tick a box by its label (DSFR draws the box on the label, over the input)."""
    page.locator(f"fieldset#filtre-{fieldset} label").filter(has_text=re.compile("^" + re.escape(name))).click()


def first_region(page):
    label = page.locator("fieldset#filtre-region label").first.inner_text()
    return label.rsplit(" (", 1)[0]


def open_an_offer_and_come_back(page, region):
    search_url = page.url
    page.locator("#resultats .fr-card__title a").first.click()
    expect(page).to_have_url(re.compile(r"/offres/[\w-]+/$"))
    page.go_back()

    expect(page).to_have_url(search_url)
    expect(page.get_by_label(re.compile("^" + re.escape(region)))).to_be_checked()
    expect(page.get_by_label(re.compile("^Télétravail partiel"))).to_be_checked()


def test_a_candidate_searches_filters_opens_an_offer_and_comes_back(page, site_url):
    page.goto(site_url + "/")
    page.locator("#champ-recherche-entete").fill("developpeur")
    page.locator("#champ-recherche-entete").press("Enter")
    expect(page).to_have_url(site_url + "/offres/?q=developpeur")
    before = total(page)

    region = first_region(page)
    tick(page, "region", region)
    expect(page).to_have_url(re.compile(r"[?&]region="))
    expect(page.locator("fieldset#filtre-departement")).to_be_visible()
    after_region = total(page)
    assert after_region != before
    # Focus stays on the box that changed, and the count is in the live region.
    assert page.evaluate("document.activeElement.name") == "region"
    tick(page, "teletravail", "Télétravail partiel")
    expect(page).to_have_url(re.compile(r"teletravail=partiel"))
    expect(page.locator("#total-offres[role=status] h2")).not_to_have_text(after_region)
    assert page.evaluate("document.activeElement.id") == "filtre-teletravail-partiel"
    expect(page.get_by_role("link", name="Retirer le filtre Télétravail partiel")).to_be_visible()
    assert page.title().startswith("Offres : developpeur, ")

    open_an_offer_and_come_back(page, region)

    # Back through the filter changes (history kept by the script).
    page.go_back()
    expect(page).to_have_url(re.compile(r"region=(?!.*teletravail)"))
    expect(page.get_by_label(re.compile("^Télétravail partiel"))).not_to_be_checked()
    # A removable tag applies in place too.
    page.get_by_role("link", name=f"Retirer le filtre {region}").click()
    expect(page).to_have_url(site_url + "/offres/?q=developpeur")
    expect(page.locator("#total-offres h2")).to_have_text(before)


def test_the_same_journey_without_javascript(page_without_js, site_url):
    page = page_without_js
    page.goto(site_url + "/")
    page.locator("#champ-recherche-entete").fill("developpeur")
    page.locator("#formulaire-recherche-entete").get_by_role("button", name="Rechercher").click()
    expect(page).to_have_url(site_url + "/offres/?q=developpeur")
    before = total(page)

    region = first_region(page)
    tick(page, "region", region)
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"[?&]region="))
    assert total(page) != before
    tick(page, "teletravail", "Télétravail partiel")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page).to_have_url(re.compile(r"teletravail=partiel"))

    open_an_offer_and_come_back(page, region)


def test_a_candidate_searches_around_a_commune_chosen_in_the_proposed_list(page, site_url):
    page.goto(site_url + "/offres/")
    field = page.get_by_label("Autour de la commune")
    field.press_sequentially("lyo")
    # The browser's own list: the <datalist> the script fills from /offres/communes.
    expect(page.locator("#filtre-autour-communes option").first).to_have_attribute("value", re.compile("^Lyon"))
    label = page.locator("#filtre-autour-communes option").first.get_attribute("value")
    field.fill(label)
    page.get_by_label("Dans un rayon de").select_option("10")
    expect(page).to_have_url(re.compile(r"rayon=10"))
    page.get_by_role("button", name="Appliquer les filtres").click()

    expect(page).to_have_url(re.compile(r"autour=Lyon.*rayon=10"))
    expect(page.locator("#resultats .fr-card").first).to_contain_text("de Lyon")
    expect(page.get_by_role("link", name=re.compile(r"^Retirer le filtre À 10\skm autour de Lyon"))).to_be_visible()
    assert_accessible(page)


def test_around_a_commune_without_javascript(page_without_js, site_url):
    page = page_without_js
    page.goto(site_url + "/offres/")
    page.get_by_label("Autour de la commune").fill("lyon")
    page.get_by_role("button", name="Appliquer les filtres").click()

    expect(page).to_have_url(re.compile(r"autour=lyon"))
    expect(page.locator("#resultats .fr-card").first).to_contain_text("de Lyon")
    page.get_by_label("Autour de la commune").fill("Lyonnn")
    page.get_by_role("button", name="Appliquer les filtres").click()
    expect(page.locator("#filtre-autour-erreur")).to_be_visible()


def test_search_pages_pass_axe(page, site_url):
    page.goto(site_url + "/offres/?q=developpeur&region=11&teletravail=partiel&salaire_min=abc")
    assert page.locator("h1").count() == 1
    assert_accessible(page)

    page.goto(site_url + "/offres/?region=11&salaire_min=200000")
    expect(page.locator("#resultats .fr-callout")).to_contain_text("Aucune offre ne correspond")
    assert_accessible(page)

    page.goto(site_url + "/recherche/?q=t%C3%A9l%C3%A9travail")
    assert page.locator("h1").count() == 1
    assert_accessible(page)


def test_suggestions_open_under_the_header_field_and_follow_the_keyboard(page, site_url):
    page.goto(site_url + "/offres/")
    field = page.locator("#champ-recherche-entete")
    field.press_sequentially("dev")
    listbox = page.get_by_role("listbox", name="Suggestions")
    expect(listbox).to_be_visible()
    expect(field).to_have_attribute("aria-expanded", "true")
    assert 1 <= listbox.get_by_role("option").count() <= 8
    assert_accessible(page)

    field.press("ArrowDown")
    first = listbox.get_by_role("option").first
    expect(first).to_have_attribute("aria-selected", "true")
    expect(field).to_have_attribute("aria-activedescendant", first.get_attribute("id"))
    expect(field).to_be_focused()
    answer = page.request.get(site_url + "/offres/suggestions?q=dev").json()
    field.press("Enter")

    expect(page).to_have_url(site_url + answer["suggestions"][0]["url"])


def test_escape_and_leaving_the_field_close_the_suggestions(page, site_url):
    page.goto(site_url + "/offres/")
    field = page.locator("#champ-recherche-offres")
    field.press_sequentially("dev")
    listbox = page.locator("#champ-recherche-offres-suggestions")
    expect(listbox).to_be_visible()

    field.press("Escape")
    expect(listbox).to_be_hidden()
    expect(field).to_have_attribute("aria-expanded", "false")
    field.press("ArrowDown")
    expect(listbox).to_be_visible()
    page.keyboard.press("Tab")
    expect(listbox).to_be_hidden()


def test_on_a_small_screen_the_filters_fold_behind_a_button(page, site_url):
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(site_url + "/offres/?region=11")
    toggle = page.locator("#bouton-filtres")
    expect(toggle).to_have_text("Filtres (1 choisi)")
    expect(page.locator("#filtre-region")).to_be_hidden()

    toggle.click()
    expect(page.locator("#filtre-region")).to_be_visible()
    tick(page, "teletravail", "Télétravail partiel")

    expect(toggle).to_have_text("Filtres (2 choisis)")
    expect(page.locator("#filtre-teletravail")).to_be_visible()
    assert_accessible(page)
