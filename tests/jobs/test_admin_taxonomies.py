"""The "Offres d'emploi" menu and the institution and métier admin."""

import json
import re

import pytest
from django.urls import reverse

from jobs.models import Institution, Profession
from tests.factories import InstitutionFactory, JobOfferFactory

from .admin_helpers import field_errors, form_data, listing_rows, page_text, soup

pytestmark = pytest.mark.django_db


def institution_url(name, *args):
    return reverse(f"wagtailsnippets_jobs_institution:{name}", args=args)


def profession_url(name, *args):
    return reverse(f"wagtailsnippets_jobs_profession:{name}", args=args)


def menu_items(response):
    props = re.search(r'<script id="wagtail-sidebar-props" type="application/json">(.*?)</script>', response.text, re.S)
    main_menu = next(
        module
        for module in json.loads(props.group(1))["modules"]
        if module["_type"] == "wagtail.sidebar.MainMenuModule"
    )
    return main_menu["_args"][0]


def test_one_offres_d_emploi_menu_right_after_pages_groups_the_offers_snippets(admin_client):
    items = menu_items(admin_client.get(reverse("wagtailadmin_home")))

    labels = [item["_args"][0]["label"] for item in items]
    assert labels[:2] == ["Pages", "Offres d'emploi"]
    group = items[1]
    assert [child["_args"][0]["label"] for child in group["_args"][1]] == [
        "Offres",
        "Institutions",
        "Métiers",
        "Sigles internes",
    ]
    # The generic "Fragments" menu is not needed for them.
    assert "Fragments" not in labels


def test_institution_listing_columns_search_and_kind_filter(admin_client):
    dinum = InstitutionFactory(name="Direction interministérielle du numérique", acronym="DINUM", slug="dinum")
    InstitutionFactory(
        name="Cour des comptes", acronym="", slug="cour-des-comptes", kind="juridiction", description="Juridiction"
    )
    JobOfferFactory(institution=dinum)
    JobOfferFactory(institution=dinum)

    rows = listing_rows(admin_client.get(institution_url("list")))
    assert {row["Nom"]: (row["Sigle"], row["Type"], row["Offres"]) for row in rows} == {
        "Direction interministérielle du numérique": ("DINUM", "Ministère", "2"),
        "Cour des comptes": ("", "Juridiction", "0"),
    }

    def names(**params):
        return [row["Nom"] for row in listing_rows(admin_client.get(institution_url("list"), params))]

    assert names(q="dinum") == ["Direction interministérielle du numérique"]
    assert names(q="comptes") == ["Cour des comptes"]
    assert names(kind="juridiction") == ["Cour des comptes"]
    assert names(ordering="-offer_count") == ["Direction interministérielle du numérique", "Cour des comptes"]


def test_the_institution_slug_is_prepopulated_from_the_name(admin_client):
    page = soup(admin_client.get(institution_url("add")))

    name, slug = page.select_one('input[name="name"]'), page.select_one('input[name="slug"]')
    assert "w-sync" in name["data-controller"]
    assert name["data-w-sync-target-value"] == "#id_slug"
    assert slug["data-controller"] == "w-slug"
    assert slug["data-w-slug-allow-unicode-value"] == "false"


def institution_data(client, **values):
    data = form_data(client.get(institution_url("add")))
    data.update({"name": "Ministère de la Culture", "acronym": "MC", "kind": "ministere", **values})
    return data


def test_a_blank_institution_slug_is_derived_from_the_name_and_kept_unique(admin_client):
    InstitutionFactory(name="Ministère de la culture (ancien)", slug="ministere-de-la-culture")

    response = admin_client.post(institution_url("add"), institution_data(admin_client, slug=""))

    assert response.status_code == 302
    assert Institution.objects.get(acronym="MC").slug == "ministere-de-la-culture-2"


def test_a_duplicate_institution_slug_is_refused_in_french(admin_client):
    InstitutionFactory(name="Autre", slug="culture")

    response = admin_client.post(institution_url("add"), institution_data(admin_client, slug="culture"))

    assert response.status_code == 200
    [message] = field_errors(response, "slug")
    assert "existe déjà" in message
    assert not Institution.objects.filter(acronym="MC").exists()


def test_profession_listing_and_search(admin_client):
    response = admin_client.get(profession_url("list"), {"q": "donn"})

    assert [row["Nom"] for row in listing_rows(response)] == ["Données"]
    assert {"Nom", "Identifiant d'adresse", "Offres"} <= set(listing_rows(response)[0])


def test_a_new_profession_gets_its_slug_from_its_name(admin_client):
    data = form_data(admin_client.get(profession_url("add")))
    data.update({"name": "Intelligence artificielle", "slug": ""})

    admin_client.post(profession_url("add"), data)

    assert Profession.objects.get(name="Intelligence artificielle").slug == "intelligence-artificielle"


def test_the_offer_admin_speaks_french(admin_client):
    JobOfferFactory(published=True)
    text = page_text(admin_client.get(reverse("wagtailsnippets_jobs_joboffer:list")))

    for words in ("Offres d'emploi", "Ajouter une offre", "Employeur", "Statut", "Type de contrat", "Métier"):
        assert words in text


@pytest.mark.parametrize("model", [Institution, Profession])
def test_institutions_and_professions_are_chosen_not_created_from_the_chooser(admin_client, model):
    chooser = model.snippet_viewset.chooser_viewset
    before = model.objects.count()

    assert admin_client.get(reverse(chooser.get_url_name("choose"))).status_code == 200
    response = admin_client.post(reverse(chooser.get_url_name("create")), {"name": "Créée depuis le sélecteur"})

    assert response.status_code == 404
    assert model.objects.count() == before
