"""What each editor sees and creates: listings, search, exports, filters, the dashboard and the new-offer
form only ever hold the offers and institutions of the user's groups (all for the editorial team)."""

import csv
import datetime
import io

import pytest
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from jobs.models import JobOffer
from tests.factories import InstitutionFactory, JobOfferFactory

from .admin_helpers import form_data, listing_titles, new_offer_data, offer_url, soup
from .permission_world import logged_in, module_world, user_in


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker) as world:
        world.both = user_in("editeur-des-deux", world.own_space.group, world.other_space.group)
        world.third = InstitutionFactory(name="Ministère tiers", slug="tiers", acronym="TIERS")
        JobOfferFactory(institution=world.third, title="Offre du tiers")
        yield world


def test_the_listing_search_and_filters_show_only_the_editors_offers(world, db):
    ministry = logged_in(world.ministry_editor)

    assert listing_titles(ministry.get(offer_url("list"))) == ["Offre des Essais (brouillon)"]
    assert listing_titles(ministry.get(offer_url("list"), {"q": "Offre"})) == ["Offre des Essais (brouillon)"]
    assert listing_titles(ministry.get(offer_url("list_results"), {"q": "Contrôles"})) == []
    filter_choices = [option.text for option in soup(ministry.get(offer_url("list"))).select("#id_institution option")]
    assert filter_choices == ["Tous les employeurs", "Ministère des Essais (MESS)"]

    team = sorted(listing_titles(logged_in(world.comms_editor).get(offer_url("list"))))
    assert team == ["Offre des Contrôles (brouillon)", "Offre des Essais (brouillon)", "Offre du tiers"]


@pytest.mark.parametrize("export", ["csv", "xlsx"])
def test_exports_hold_only_the_editors_offers(world, db, export):
    response = logged_in(world.ministry_editor).get(offer_url("list"), {"export": export})
    content = b"".join(response.streaming_content) if response.streaming else response.content

    if export == "csv":
        rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"))))
        assert [row["Intitulé"] for row in rows] == ["Offre des Essais (brouillon)"]
    else:
        from openpyxl import load_workbook

        sheet = load_workbook(io.BytesIO(content)).active
        titles = [row[1] for row in sheet.iter_rows(min_row=2, values_only=True)]
        assert titles == ["Offre des Essais (brouillon)"]


def test_a_new_offer_gets_the_editors_only_institution(world, db):
    ministry = logged_in(world.ministry_editor)
    field = soup(ministry.get(offer_url("add"))).select_one("#id_institution")

    assert field.has_attr("disabled")
    assert [option.text for option in field.select("option")] == ["Ministère des Essais (MESS)"]

    data = new_offer_data(ministry, title="Offre préréglée")
    data["institution"] = str(world.other_space.institution.pk)  # ignored: the field is fixed
    response = ministry.post(offer_url("add"), data)

    assert response.status_code == 302
    assert JobOffer.objects.get(title="Offre préréglée").institution == world.own_space.institution


def test_an_editor_of_several_institutions_chooses_among_them_only(world, db):
    both = logged_in(world.both)
    field = soup(both.get(offer_url("add"))).select_one("#id_institution")

    assert not field.has_attr("disabled")
    assert [option.text for option in field.select("option") if option.get("value")] == [
        "Ministère des Contrôles (MCTL)",
        "Ministère des Essais (MESS)",
    ]
    response = both.post(offer_url("add"), new_offer_data(both, institution=str(world.third.pk), title="Hors champ"))
    assert response.status_code == 200
    assert not JobOffer.objects.filter(title="Hors champ").exists()

    both.post(offer_url("add"), new_offer_data(both, institution=str(world.other_space.institution.pk), title="Ici"))
    assert JobOffer.objects.get(title="Ici").institution == world.other_space.institution
    assert len(listing_titles(both.get(offer_url("list")))) == 3


def test_a_user_without_institution_sees_no_offer_and_cannot_create_one(world, db):
    nobody = user_in("sans-institution")
    nobody.user_permissions.add(
        *Permission.objects.filter(codename__in=["access_admin", "add_joboffer", "change_joboffer"])
    )
    client = logged_in(nobody)

    assert listing_titles(client.get(offer_url("list"))) == []
    response = client.get(offer_url("add"))
    assert response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    assert "Offre des Essais" not in client.get(reverse("wagtailadmin_home")).content.decode()


def dashboard_sections(client):
    page = soup(client.get(reverse("wagtailadmin_home")))
    panel = page.select_one("#my-offers-content")
    return {
        heading.get_text(strip=True): [link.get_text(strip=True) for link in table.select("a")]
        for heading, table in zip(panel.select("h3"), [h.find_next_sibling() for h in panel.select("h3")], strict=True)
    }


def test_the_dashboard_shows_the_editors_drafts_live_offers_and_those_closing_soon(world, db):
    today = timezone.localdate()
    JobOfferFactory(institution=world.own_space.institution, title="Ferme bientôt", published=True)
    JobOffer.objects.filter(title="Ferme bientôt").update(deadline=today + datetime.timedelta(days=10))
    JobOfferFactory(institution=world.own_space.institution, title="Ferme plus tard", published=True)
    JobOfferFactory(institution=world.own_space.institution, title="Brouillon des Essais")
    JobOfferFactory(institution=world.other_space.institution, title="Brouillon des Contrôles")

    sections = dashboard_sections(logged_in(world.ministry_editor))

    assert sections == {
        "Brouillons (1)": ["Brouillon des Essais"],
        "En ligne (3)": ["Ferme plus tard", "Ferme bientôt", "Offre des Essais (brouillon)"],
        "Clôture dans les 14 jours (1)": ["Ferme bientôt"],
    }


def test_the_dashboard_takes_the_same_number_of_queries_whatever_the_number_of_offers(world, db):
    client = logged_in(world.ministry_editor)

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert client.get(reverse("wagtailadmin_home")).status_code == 200
        return len(captured)

    JobOfferFactory(institution=world.own_space.institution, published=True)
    JobOfferFactory(institution=world.own_space.institution)
    queries()  # warms the caches of a first request (content types, site)
    few = queries()
    for _ in range(6):
        JobOfferFactory(institution=world.own_space.institution, published=True)
        JobOfferFactory(institution=world.own_space.institution)
    assert queries() == few


def test_the_editor_keeps_the_institution_when_editing(world, db):
    ministry = logged_in(world.ministry_editor)
    url = offer_url("edit", world.own.pk)
    data = form_data(ministry.get(url))
    data["title"] = "Offre des Essais renommée"

    assert ministry.post(url, data).status_code == 302
    offer = JobOffer.objects.get(pk=world.own.pk)
    assert offer.get_latest_revision_as_object().title == "Offre des Essais renommée"
    assert offer.institution == world.own_space.institution


def test_the_dashboard_panel_names_whose_offers_it_lists(world, db):
    def panel_heading(user):
        page = soup(logged_in(user).get(reverse("wagtailadmin_home")))
        return page.select_one("#my-offers-heading, #my-offers-section h2").get_text(" ", strip=True)

    assert "Vos offres d'emploi" in panel_heading(world.ministry_editor)
    assert "Offres d'emploi de toutes les institutions" in panel_heading(world.comms_editor)
