"""The demo ministry editor in the admin: only its institution's offers, and refused on another's."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from demo import accounts
from jobs.models import Institution, JobOffer

from .conftest import assert_accessible
from .sign_in import sign_in

PASSWORD = "mot-de-passe-editeur-dinum"


@pytest.fixture(scope="session")
def ministry_editor(site_url, django_db_blocker):
    """The demo DINUM editor as `make run` sets it up (create_dev_users), with a known password."""
    with django_db_blocker.unblock():
        user, _ = get_user_model().objects.get_or_create(username=accounts.MINISTRY_EDITOR)
        user.set_password(PASSWORD)
        accounts.setup_ministry_editor(user)
        institution = Institution.objects.get(slug=accounts.MINISTRY_EDITOR_INSTITUTION)
        other_offer = JobOffer.objects.exclude(institution=institution).order_by("pk").first()
    return {"username": user.username, "institution": institution, "other_offer": other_offer}


def test_the_ministry_editor_sees_and_edits_only_its_offers(page, site_url, ministry_editor):
    sign_in(page, site_url, ministry_editor["username"], PASSWORD)
    expect(page.locator("#my-offers-section")).to_contain_text("Vos offres d'emploi")
    assert_accessible(page, "#my-offers-section")

    page.goto(site_url + "/admin/snippets/jobs/joboffer/")
    employers = page.locator("table.listing tbody tr td:nth-child(3)").all_inner_texts()
    assert employers and {employer.strip() for employer in employers} == {ministry_editor["institution"].name}

    page.locator("table.listing tbody tr .title-wrapper a").first.click()
    title = page.locator("#id_title")
    title.fill(title.input_value() + " (modifiée)")
    # « Publier » is the main button of an editor who may publish; the draft is in its menu.
    page.locator("footer .w-dropdown__toggle").click()
    page.get_by_role("button", name=re.compile("Enregistrer le brouillon")).first.click()
    expect(page.locator(".messages .success")).to_be_visible()

    response = page.goto(f"{site_url}/admin/snippets/jobs/joboffer/edit/{ministry_editor['other_offer'].pk}/")
    assert response.status == 404
