"""The page editor speaks French to a ministry's editor: « Publier » is the main button when the
editor may publish its page, « Soumettre » or the draft otherwise; the roots of pages
and collections have French names."""

import pytest
from django.urls import reverse
from wagtail.models import Collection, Page

from editorial.spaces import create_institution_space
from tests.jobs.admin_helpers import soup, text_of
from tests.jobs.permission_world import logged_in, module_world, user_in


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    with module_world(django_db_blocker) as world:
        world.moderated_space = create_institution_space("Ministère Modéré", acronym="MMOD", moderation=True)
        world.moderated_editor = user_in("editeur-mmod", world.moderated_space.group)
        yield world


def main_button(user, page):
    response = logged_in(user).get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    return text_of(soup(response).select_one("footer nav button"))


def test_publier_is_the_main_button_of_an_editor_who_may_publish_its_page(world, db):
    assert main_button(world.ministry_editor, world.own_space.page) == "Publier"


def test_an_editor_under_moderation_keeps_the_draft_as_main_button(world, db):
    assert main_button(world.moderated_editor, world.moderated_space.page) == "Enregistrer le brouillon"


def test_the_roots_of_pages_and_collections_have_french_names(db):
    assert Page.get_first_root_node().title == "Racine de l'arborescence"
    assert Collection.get_first_root_node().name == "Toutes les collections"
