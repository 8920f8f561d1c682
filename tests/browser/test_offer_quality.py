"""The « Qualité de l'offre » panel of the offer editor, in a real browser: as the editor types the
title, the server's rules answer and the inclusive-title check turns from « à corriger » to
« respecté »; the panel passes axe-core."""

import re

from playwright.sync_api import expect

from .conftest import assert_accessible
from .sign_in import sign_in
from .test_editor_journey import PASSWORD, dinum_editor  # noqa: F401  (the session fixture)


def quality_check(page, code):
    return page.locator(f'[data-offer-quality] [data-quality-check="{code}"]')


def test_a_check_turns_green_as_the_editor_types(page, site_url, dinum_editor):  # noqa: F811
    sign_in(page, site_url, dinum_editor["username"], PASSWORD, then="/admin/snippets/jobs/joboffer/add/")
    page.get_by_role("button", name="Afficher ou masquer la qualité de l'offre").click()
    panel = page.locator("[data-offer-quality]")
    expect(panel).to_be_visible()

    page.locator("#id_title").fill("Développeur Python")
    title_check = quality_check(page, "intitule_inclusif")
    expect(title_check).to_have_attribute("data-quality-passed", "non")
    expect(title_check).to_contain_text("« Développeuse ou développeur Python »")

    page.locator("#id_title").fill("Développeuse ou développeur Python")
    expect(title_check).to_have_attribute("data-quality-passed", "oui")
    expect(title_check).to_contain_text("Intitulé inclusif ou neutre : respecté")
    expect(panel.locator("[data-offer-quality-announce]")).to_have_text(re.compile(r"Qualité de l'offre : \d+ sur 100"))
    assert_accessible(page, "[data-offer-quality]")
