import pytest

from tests.factories import InstitutionFactory, JobOfferFactory, profession


@pytest.fixture
def institutions(db):
    """Two employers the demo stories name, and one more, each with open offers, created before the demo
    content so that the loader writes their pages (the jobs demo does this in a full `make run`)."""
    created = [
        InstitutionFactory(
            slug="dinum",
            name="Direction interministérielle du numérique",
            acronym="DINUM",
            kind="autre",
            description="Pilote la transformation numérique de l'État.",
        ),
        InstitutionFactory(
            slug="insee",
            name="Institut national de la statistique et des études économiques",
            acronym="Insee",
            kind="etablissement_public",
        ),
        InstitutionFactory(slug="ministere-exemple", name="Ministère de l'Exemple", acronym="", kind="ministere"),
    ]
    for institution in created:
        JobOfferFactory(institution=institution, published=True, profession=profession("donnees"))
        JobOfferFactory(institution=institution, published=True)
    return created


@pytest.fixture
def editorial_site(institutions, demo_site):
    """The demo site with employer pages for `institutions`."""
    return demo_site
