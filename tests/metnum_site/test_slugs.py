"""One slug function for offers, institutions, professions and institution spaces."""

import pytest
from django.forms import modelform_factory

from editorial.spaces import create_institution_space
from jobs.models import Institution, Profession
from jobs.wagtail_admin.forms import SlugFromNameForm
from metnum_site.slugs import slug_base
from tests.factories import InstitutionFactory, JobOfferFactory


@pytest.mark.parametrize(
    ("text", "slug"),
    [
        ("Lead développeur·se PHP/Symfony", "lead-developpeur-se-php-symfony"),
        ("Data & IA : chef·fe de projet", "data-ia-chef-fe-de-projet"),
        ("Ingénieur(e) d’études", "ingenieur-e-d-etudes"),
        ("!!!", "repli"),
    ],
)
def test_words_joined_by_punctuation_stay_apart(text, slug):
    assert slug_base(text, 80, "repli") == slug


def test_a_long_title_leaves_room_for_a_number():
    assert len(slug_base("mot " * 100, 80, "repli")) <= 73


@pytest.mark.django_db
def test_offers_institutions_and_professions_number_their_namesakes_alike():
    institution = InstitutionFactory(name="Agence du numérique", slug="agence")
    first = JobOfferFactory(title="Lead développeur·se PHP/Symfony", institution=institution)
    second = JobOfferFactory(title="Lead développeur·se PHP/Symfony", institution=institution)
    assert (first.slug, second.slug) == ("lead-developpeur-se-php-symfony", "lead-developpeur-se-php-symfony-2")

    Institution.objects.create(name="Autre", slug="dnum")
    space = create_institution_space("Direction du numérique", acronym="DNUM")
    assert space.institution.slug == "dnum-2"

    Profession.objects.create(name="Cartographie numérique", slug="carto-sig")
    form_class = modelform_factory(Profession, form=SlugFromNameForm, fields=["name", "slug"])
    form = form_class(data={"name": "Carto/SIG", "slug": ""})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["slug"] == "carto-sig-2"
