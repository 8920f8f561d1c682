"""A new ministry editor's main journey through the admin, in a real browser: the dashboard, a new
offer saved as an incomplete draft, previewed, refused at publication with the tabs to fix, then
published; the institution's page edited and published; the dashboard again and the figures. Every
admin page it reads must be in French: no English left over from Wagtail, no generic gender marker
such as « créé(e) », and dates written the French way."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from demo import accounts
from editorial.models import InstitutionPage
from jobs.models import Institution

from .sign_in import sign_in

PASSWORD = "mot-de-passe-parcours-editeur"
TITLE = "Responsable accessibilité numérique (parcours navigateur)"

# Wagtail's generic gender markers: « créé(e) », « Nouvel(le) », « Ce(tte) », « sûr(e) »…
GENDER_MARKER = re.compile(r"\w\((e|le|ne|s|tte|la)\)")
# English that Wagtail's French catalogue left in, or that its data carries (the tree's root).
ENGLISH_LEFTOVERS = re.compile(
    r"\b(None|Root|Any|Status|Workflows?|Site history|Snippets?|Dashboard|Save draft|Publish|Unlocked|"
    r"Locked|Created|Updated|History|Usage|Edit|Delete)\b"
)
ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
FRENCH_DATE = re.compile(r"\b\d{2}/\d{2}/\d{4}\b")


@pytest.fixture(scope="session")
def dinum_editor(site_url, django_db_blocker):
    """The demo DINUM editor as `make run` sets it up (create_dev_users), with a known password."""
    with django_db_blocker.unblock():
        user, _ = get_user_model().objects.get_or_create(username=accounts.MINISTRY_EDITOR)
        user.set_password(PASSWORD)
        accounts.setup_ministry_editor(user)
        institution = Institution.objects.get(slug=accounts.MINISTRY_EDITOR_INSTITUTION)
        employer_page = InstitutionPage.objects.get(institution=institution)
    return {"username": user.username, "institution": institution, "page_pk": employer_page.pk}


def read_in_french(page):
    """The visible text of the admin page (and its title), checked for English and gender markers."""
    page.wait_for_load_state()
    expect(page.locator("main")).to_be_visible()
    text = page.title() + "\n" + page.locator("body").inner_text()
    marker = GENDER_MARKER.search(text)
    assert marker is None, f"marqueur de genre « {marker.group(0)} » sur {page.url}"
    english = ENGLISH_LEFTOVERS.search(text)
    assert english is None, f"anglais « {english.group(0)} » sur {page.url}"
    iso = ISO_DATE.search(text)
    assert iso is None, f"date ISO « {iso.group(0)} » sur {page.url}"
    return text


def save_draft(page):
    # « Publier » is the main button of an editor who may publish; the draft is in its menu.
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name="Enregistrer le brouillon").click()


def open_tab(page, name):
    page.get_by_role("tab", name=re.compile(f"^{re.escape(name)}")).click()


def test_an_editor_writes_previews_and_publishes_an_offer_then_its_page(page, site_url, dinum_editor):
    institution = dinum_editor["institution"]
    sign_in(page, site_url, dinum_editor["username"], PASSWORD)

    # The dashboard: the team's offers, and a link that says whose.
    dashboard = read_in_french(page)
    assert f"Toutes les offres d'emploi de votre institution ({institution.short_name})" in dashboard

    # The offers' listing: French dates, and the button to add one.
    page.get_by_role("link", name=re.compile("Toutes les offres d'emploi de votre institution")).click()
    page.wait_for_url("**/admin/snippets/jobs/joboffer/")
    listing = read_in_french(page)
    assert re.search(
        r"\b\d{1,2} (janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|"
        r"décembre) \d{4}\b",
        listing,
    )
    page.get_by_role("link", name="Ajouter une offre").first.click()
    page.wait_for_url("**/joboffer/add/")

    # A new offer, saved as a draft with only its title: contract types and application address
    # can wait for the publication.
    form = read_in_french(page)
    assert "Nouvelle offre d'emploi" in form
    page.locator("#id_title").fill(TITLE)
    open_tab(page, "Candidature")
    assert FRENCH_DATE.fullmatch(page.locator("#id_deadline").input_value())
    save_draft(page)
    page.wait_for_url("**/joboffer/edit/**")
    expect(page.locator(".messages")).to_contain_text(f"Offre «\u00a0{TITLE}\u00a0» créée (brouillon).")
    read_in_french(page)
    edit_url = page.url

    # The preview, as the preview panel asks for it: the form posted, then the page shown.
    preview_url = edit_url.replace("/edit/", "/preview/")
    answer = page.evaluate(
        """async (url) => {
            const form = document.querySelector("form[data-edit-form]");
            const response = await fetch(url, {method: "POST", body: new FormData(form)});
            return response.json();
        }""",
        preview_url,
    )
    assert answer["is_valid"], answer
    page.goto(preview_url)
    expect(page.locator("h1")).to_have_text(TITLE)
    page.goto(edit_url)

    # Publishing the incomplete draft is refused: the message names each field and its tab. The DINUM
    # receives its applications on the site: no application address is asked for.
    page.get_by_role("button", name="Publier").click()
    message = page.locator(".messages")
    expect(message).to_contain_text("À corriger")
    for tab in ("Conditions & lieu", "Description"):
        expect(message).to_contain_text(f"(onglet {tab})")
    expect(message).not_to_contain_text("(onglet Candidature)")
    read_in_french(page)

    # Completed, then published with the main button.
    open_tab(page, "Conditions & lieu")
    page.locator('input[name="contract_types"]').first.check()
    page.locator("#id_city").fill("Paris")
    page.locator("#id_postal_code").fill("75007")
    open_tab(page, "Description")
    missions = page.locator('[data-contentpath="missions"] .public-DraftEditor-content')
    missions.click()
    missions.press_sequentially("Auditer et améliorer l'accessibilité des services de l'État.")
    expect(missions).to_contain_text("Auditer et améliorer")
    # Draftail writes its field a moment after the typing stops.
    expect(page.locator('[data-contentpath="missions"] input[name="missions"]')).to_have_value(re.compile("Auditer"))
    open_tab(page, "Candidature")
    page.locator("#id_apply_url").fill("https://candidature.example.gouv.fr/accessibilite")
    page.get_by_role("button", name="Publier").click()
    expect(page.locator(".messages")).to_contain_text(f"Offre «\u00a0{TITLE}\u00a0» publiée.")
    read_in_french(page)
    page.goto(edit_url.replace("/edit/", "/history/"))
    read_in_french(page)

    # The institution's page: edited, then published with the main button.
    page.goto(f"{site_url}/admin/pages/{dinum_editor['page_pk']}/edit/")
    read_in_french(page)
    page.get_by_role("button", name="Publier").click()
    expect(page.locator(".messages")).to_contain_text("publiée")
    read_in_french(page)
    page.goto(f"{site_url}/admin/pages/{dinum_editor['page_pk']}/")
    read_in_french(page)

    # Back to the dashboard: the new offer is online, and the week's figures of the institution.
    page.goto(site_url + "/admin/")
    expect(page.locator("#my-offers-section")).to_contain_text(TITLE)
    expect(page.locator("#impact-week-section")).to_contain_text("pour les offres de votre institution")
    read_in_french(page)

    # The figures: the reports of its offers and of its institution, no one else's.
    page.get_by_role("link", name="Fréquentation des offres").click()
    page.wait_for_url("**/admin/impact/offres/")
    offers_report = read_in_french(page)
    assert "Les offres de votre institution seulement." in offers_report
    page.goto(site_url + "/admin/impact/institutions/")
    institutions_report = read_in_french(page)
    assert institution.name in institutions_report
    assert "Taux de clic selon la qualité des offres" in institutions_report
