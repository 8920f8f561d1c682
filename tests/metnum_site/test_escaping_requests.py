"""Whatever a visitor puts in a URL of the public site (any parameter, known or not, or the path
itself), it comes back escaped, and the answer is never a 500.

The public routes come from the URLconf: a route added later fails `test_every_public_route_is_classified`
until it is given a row in ROUTES (its example paths and the GET parameters its views read)."""

from types import SimpleNamespace
from urllib.parse import quote

import pytest
import wagtail_factories
from django.db import transaction
from django.urls import URLResolver, get_resolver
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction

from editorial.filters import InstitutionFilterForm, StoryFilterForm
from editorial.models import GuidePage, InstitutionIndexPage, InstitutionPage, StandardPage, StoryIndexPage, StoryPage
from home.models import SitemapPage
from jobs.models import JobOffer
from search.query import PARAMETERS
from tests.escaping import SHAPES, feed_injections, injections, injections_in_text, payload

pytestmark = pytest.mark.django_db

# Routes under these prefixes need a login (their isolation is tested in tests/jobs and tests/browser).
PRIVATE_PREFIXES = ("admin/", "django-admin/")
PAGE_PARAMETERS = ("page",)
STORY_PARAMETERS = (*StoryFilterForm.base_fields, "page")
INSTITUTION_PARAMETERS = tuple(InstitutionFilterForm.base_fields)

# route (as the URLconf spells it) → (example paths from the world, GET parameters its views read).
# "{payload}" in a path is replaced by a payload (quoted for the URL).
ROUTES = {
    "documents/^(\\d+)/(.*)$": (lambda w: [w.document.url, w.restricted_document.url], ()),
    "documents/authenticate_with_password/<int:restriction_id>/": (
        lambda w: [f"/documents/authenticate_with_password/{w.collection_restriction.pk}/"],
        (),
    ),
    "robots.txt": (lambda w: ["/robots.txt"], ()),
    "favicon.ico": (lambda w: ["/favicon.ico"], ()),
    "sante": (lambda w: ["/sante"], ()),
    ".well-known/security.txt": (lambda w: ["/.well-known/security.txt"], ()),
    "sitemap.xml": (lambda w: ["/sitemap.xml"], ("p",)),
    "sitemap-pages.xml": (lambda w: ["/sitemap-pages.xml"], ("p",)),
    "sitemap-offres-<int:number>.xml": (lambda w: ["/sitemap-offres-1.xml", "/sitemap-offres-99.xml"], ("p",)),
    "offres/": (lambda w: ["/offres/"], PARAMETERS),
    "offres/suggestions": (lambda w: ["/offres/suggestions"], ("q",)),
    "offres/communes": (lambda w: ["/offres/communes"], ("q",)),
    "offres/flux.rss": (lambda w: ["/offres/flux.rss"], PARAMETERS),
    "offres/flux.atom": (lambda w: ["/offres/flux.atom"], PARAMETERS),
    "offres/<slug:slug>/": (lambda w: [w.offer.get_absolute_url(), "/offres/{payload}/"], ()),
    "offres/<slug:slug>/candidater/": (
        lambda w: [w.offer.get_absolute_url() + "candidater/", "/offres/{payload}/candidater/"],
        (),
    ),
    "recherche/": (lambda w: ["/recherche/"], ("q", "page")),
    "alertes/nouvelle/": (lambda w: ["/alertes/nouvelle/"], PARAMETERS),
    "alertes/demande-envoyee/": (lambda w: ["/alertes/demande-envoyee/"], ()),
    "alertes/confirmer/<str:token>/": (lambda w: ["/alertes/confirmer/{payload}/"], ()),
    "alertes/desinscription/<str:token>/": (lambda w: ["/alertes/desinscription/{payload}/"], ()),
    "alertes/gerer/<str:token>/": (lambda w: ["/alertes/gerer/{payload}/"], ()),
    # The candidates' space: signed out, each page sends to the sign-in page, which echoes `suivant`
    # (tests/candidates/test_security.py requests them signed in, as another candidate).
    "espace-candidat/": (lambda w: ["/espace-candidat/"], ("candidature",)),
    "espace-candidat/connexion/": (lambda w: ["/espace-candidat/connexion/"], ("suivant",)),
    "espace-candidat/connexion/lien-envoye/": (lambda w: ["/espace-candidat/connexion/lien-envoye/"], ()),
    "espace-candidat/connexion/lien/<str:token>/": (lambda w: ["/espace-candidat/connexion/lien/{payload}/"], ()),
    "espace-candidat/deconnexion/": (lambda w: ["/espace-candidat/deconnexion/"], ()),
    "espace-candidat/deconnexion-partout/": (lambda w: ["/espace-candidat/deconnexion-partout/"], ()),
    "espace-candidat/deconnecte/": (lambda w: ["/espace-candidat/deconnecte/"], ()),
    "espace-candidat/profil/": (lambda w: ["/espace-candidat/profil/"], ("suivant",)),
    "espace-candidat/postuler/<int:offer_id>/": (lambda w: [f"/espace-candidat/postuler/{w.offer.pk}/"], ()),
    "espace-candidat/candidatures/<int:application_id>/cv/": (lambda w: ["/espace-candidat/candidatures/1/cv/"], ()),
    "espace-candidat/mes-donnees/": (lambda w: ["/espace-candidat/mes-donnees/"], ()),
    "espace-candidat/mes-donnees/archive/": (lambda w: ["/espace-candidat/mes-donnees/archive/"], ()),
    "espace-candidat/supprimer/": (lambda w: ["/espace-candidat/supprimer/"], ()),
    "espace-candidat/supprime/": (lambda w: ["/espace-candidat/supprime/"], ()),
    "api/": (lambda w: ["/api/"], ()),
    "api/v1/offres/": (lambda w: ["/api/v1/offres/"], (*PARAMETERS, "taille", "curseur")),
    "api/v1/institutions/": (lambda w: ["/api/v1/institutions/"], PARAMETERS),
    "api/v1/openapi.json": (lambda w: ["/api/v1/openapi.json"], ()),
    "api/v1/donnees/offres.csv": (lambda w: ["/api/v1/donnees/offres.csv"], ()),
    "api/v1/donnees/offres.jsonl": (lambda w: ["/api/v1/donnees/offres.jsonl"], ()),
    "api/v1/donnees/offres.schema.json": (lambda w: ["/api/v1/donnees/offres.schema.json"], ()),
    "_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": (
        lambda w: [f"/_util/authenticate_with_password/{w.page_restriction.pk}/{w.restricted_page.pk}/"],
        (),
    ),
    "_util/login/": (lambda w: ["/_util/login/"], ("next",)),
    "^((?:[\\w\\-]+/)*)$": (
        lambda w: [*w.page_paths, w.restricted_page.url, "/{payload}/"],
        (*STORY_PARAMETERS, *INSTITUTION_PARAMETERS, *PAGE_PARAMETERS),
    ),
}


def public_routes(patterns=None, prefix=""):
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        route = prefix + str(pattern.pattern)
        if route.startswith(PRIVATE_PREFIXES):
            continue
        if isinstance(pattern, URLResolver):
            yield from public_routes(pattern.url_patterns, route)
        else:
            yield route


def test_every_public_route_is_classified():
    assert set(public_routes()) == set(ROUTES)


@pytest.fixture(scope="module")
def world(demo_content, django_db_blocker):
    """The demo site, plus a document, a password-protected page and a password-protected collection
    (rolled back after the module: the demo site goes on to the next one)."""
    with django_db_blocker.unblock(), transaction.atomic():
        page_paths = ["/"]
        for model in (StandardPage, InstitutionIndexPage, InstitutionPage, StoryIndexPage, StoryPage, GuidePage):
            page_paths.append(model.objects.live().first().url)
        page_paths += ["/guides/", SitemapPage.objects.get().url]
        restricted_page = StandardPage.objects.live().last()
        page_restriction = PageViewRestriction.objects.create(
            page=restricted_page, restriction_type=PageViewRestriction.PASSWORD, password="mot-de-passe"
        )
        collection = Collection.get_first_root_node().add_child(name="Documents protégés")
        collection_restriction = CollectionViewRestriction.objects.create(
            collection=collection, restriction_type=CollectionViewRestriction.PASSWORD, password="mot-de-passe"
        )
        yield SimpleNamespace(
            page_paths=page_paths,
            offer=JobOffer.objects.open().first(),
            document=wagtail_factories.DocumentFactory(title="Fiche de poste"),
            restricted_document=wagtail_factories.DocumentFactory(title="Note interne", collection=collection),
            restricted_page=Page.objects.get(pk=restricted_page.pk),
            page_restriction=page_restriction,
            collection_restriction=collection_restriction,
        )
        transaction.set_rollback(True)


def check(response):
    content_type = response.get("Content-Type", "")
    text = response.content.decode() if not response.streaming else b"".join(response.streaming_content).decode()
    if "html" in content_type:
        return injections(text)
    if "xml" in content_type:
        return feed_injections(text) if "<rss" in text or "<feed" in text else injections_in_text(text)
    if "json" in content_type:
        return []  # data: the autocomplete script writes it with textContent
    return injections_in_text(text)


@pytest.mark.parametrize("route", sorted(ROUTES))
@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_no_parameter_comes_back_unescaped(world, client, route, data):
    paths, names = ROUTES[route]
    unknown = data.draw(st.text(st.characters(min_codepoint=97, max_codepoint=122), min_size=1, max_size=8))
    params = {}
    for number, name in enumerate((*names, unknown), start=1):
        params.setdefault(name, payload(number, **data.draw(SHAPES)))
    for path in paths(world):
        path = path.replace("{payload}", quote(payload(0, **data.draw(SHAPES)), safe=""))
        response = client.get(path, params)

        assert response.status_code < 500, (path, params)
        assert check(response) == [], (path, params)
