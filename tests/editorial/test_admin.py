"""Editors can open the editing form of every editorial page type, with its French block picker."""

import pytest
from django.contrib.auth import get_user_model

from editorial.models import (
    GuideIndexPage,
    GuidePage,
    InstitutionIndexPage,
    InstitutionPage,
    StandardPage,
    StoryIndexPage,
    StoryPage,
)
from home.models import HomePage

pytestmark = pytest.mark.django_db
FRENCH_GROUPS = {"Texte", "Médias", "Cartes", "Mise en page", "Offres", "Témoignages"}


@pytest.fixture
def admin_client(client, editorial_site):
    user = get_user_model().objects.create_superuser("admin", "admin@example.gouv.fr", "mot-de-passe-solide")
    client.force_login(user)
    return client


def test_every_demo_editorial_page_opens_in_the_editor(admin_client):
    for index in (InstitutionIndexPage, StoryIndexPage, GuideIndexPage):
        index_page = index.objects.get()
        pages = [index_page, *index_page.get_children()]
        for page in pages:
            response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, page.url_path


@pytest.mark.parametrize(
    ("index", "page_type"),
    [(InstitutionIndexPage, "institutionpage"), (StoryIndexPage, "storypage"), (GuideIndexPage, "guidepage")],
)
def test_new_pages_open_in_the_editor(admin_client, index, page_type):
    response = admin_client.get(f"/admin/pages/add/editorial/{page_type}/{index.objects.get().pk}/")

    assert response.status_code == 200


@pytest.mark.parametrize("model", [HomePage, StandardPage, InstitutionPage, StoryPage, GuidePage])
def test_every_block_of_the_picker_is_grouped_and_labelled_in_french(model):
    for name, block in model.body.field.stream_block.child_blocks.items():
        assert block.meta.group in FRENCH_GROUPS, name
        assert block.meta.label, f"{name} : pas de libellé en français"
