"""The offers' admin speaks French to a new editor: no generic gender marker, a main « Publier »
button for those who may publish, messages that say what happened and where the errors are, French
dates in the pickers, and a dashboard link that names the institution."""

import re

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from jobs.models import JobOffer
from tests.factories import JobOfferFactory

from .admin_helpers import form_data, new_offer_data, offer_url, page_text, soup, text_of
from .permission_world import logged_in, module_world, user_in

GENDER_MARKER = re.compile(r"\w\((e|le|ne|s|tte|la)\)")


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker) as world:
        yield world


def main_button(response):
    """The footer's main action button (the others are in its menu)."""
    return soup(response).select_one("footer nav button")


def test_publier_is_the_main_button_for_an_editor_who_may_publish(world, db):
    ministry = logged_in(world.ministry_editor)

    for url in (offer_url("add"), offer_url("edit", world.own.pk)):
        button = main_button(ministry.get(url))
        assert button["name"] == "action-publish" and text_of(button) == "Publier"
        menu = soup(ministry.get(url)).select_one("footer .w-dropdown__content")
        assert "Enregistrer le brouillon" in text_of(menu)  # still one click away, and Ctrl+S


def test_without_the_right_to_publish_the_main_button_saves_a_draft(world, db):
    group = world.own_space.group
    group.permissions.remove(Permission.objects.get(codename="publish_joboffer"))
    editor = user_in("sans-publication", group)

    button = main_button(logged_in(editor).get(offer_url("edit", world.own.pk)))

    assert text_of(button) == "Enregistrer le brouillon"
    assert not soup(logged_in(editor).get(offer_url("edit", world.own.pk))).select('[name="action-publish"]')


def test_the_offer_pages_carry_no_generic_gender_marker(world, db):
    ministry = logged_in(world.ministry_editor)
    urls = [
        reverse("wagtailadmin_home"),
        offer_url("list"),
        offer_url("add"),
        offer_url("edit", world.own.pk),
        offer_url("history", world.own.pk),
        offer_url("delete", world.own.pk),
    ]
    for url in urls:
        text = page_text(ministry.get(url))
        assert not GENDER_MARKER.search(text), (url, GENDER_MARKER.search(text).group(0))
    new_offer = page_text(ministry.get(offer_url("add")))
    assert "Nouvelle offre d'emploi" in new_offer and "Nouvel" not in new_offer.replace("Nouvelle offre", "")


def test_success_messages_say_what_happened_to_the_offer(admin_client):
    response = admin_client.post(offer_url("add"), new_offer_data(admin_client), follow=True)
    assert "Offre «\u00a0Développeuse ou développeur Django\u00a0» créée (brouillon)." in page_text(response)

    offer = JobOffer.objects.get(title="Développeuse ou développeur Django")
    data = form_data(admin_client.get(offer_url("edit", offer.pk)))
    response = admin_client.post(offer_url("edit", offer.pk), {**data, "action-publish": "1"}, follow=True)
    assert "Offre «\u00a0Développeuse ou développeur Django\u00a0» publiée." in page_text(response)

    response = admin_client.post(offer_url("edit", offer.pk), data, follow=True)
    assert "Offre «\u00a0Développeuse ou développeur Django\u00a0» enregistrée." in page_text(response)


def test_the_error_message_names_each_field_and_its_tab(admin_client):
    data = new_offer_data(admin_client, title="", apply_url="", contract_types=[])

    response = admin_client.post(offer_url("add"), {**data, "action-publish": "1"})

    message = text_of(soup(response).select_one(".messages"))
    assert message.startswith("L'offre n'a pas pu être créée : corrigez les erreurs signalées dans le formulaire.")
    assert "«\u00a0Intitulé du poste\u00a0» (onglet Poste)" in message
    assert "(onglet Conditions & lieu)" in message and "(onglet Candidature)" in message


def test_date_pickers_show_french_dates(admin_client):
    offer = JobOfferFactory(deadline="2031-01-25")

    response = admin_client.get(offer_url("edit", offer.pk))

    assert soup(response).select_one('input[name="deadline"]')["value"] == "25/01/2031"
    # What the form shows is what it takes back.
    assert admin_client.post(offer_url("edit", offer.pk), form_data(response)).status_code == 302
    offer.refresh_from_db()
    assert offer.get_latest_revision_as_object().deadline.isoformat() == "2031-01-25"


def test_the_dashboard_link_names_whose_offers_it_opens(world, db):
    def link(user):
        return text_of(soup(logged_in(user).get(reverse("wagtailadmin_home"))).select("#my-offers-section a")[-1])

    assert link(world.ministry_editor) == "Toutes les offres d'emploi de votre institution (MESS)"
    assert link(world.comms_editor) == "Toutes les offres d'emploi, de toutes les institutions"
    both = user_in("editeur-des-deux", world.own_space.group, world.other_space.group)
    assert link(both) == "Toutes les offres d'emploi de vos institutions (MCTL, MESS)"


def test_the_taxonomies_listings_name_what_they_add(world, db):
    team = logged_in(world.comms_editor)

    assert "Ajouter une institution" in page_text(team.get(reverse("wagtailsnippets_jobs_institution:list")))
    assert "Ajouter un métier" in page_text(team.get(reverse("wagtailsnippets_jobs_profession:list")))
