"""A small world for the permission tests: two ministries with their spaces, an editor of the first,
a member of the editorial team, and offers of both ministries (built with factories, not the demo)."""

from contextlib import contextmanager
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import Client
from django.urls import reverse

from editorial.spaces import create_institution_space, ensure_editorial_team
from jobs.models import JobOffer
from tests.editorial.pages import home_page
from tests.factories import JobOfferFactory

PASSWORD = "mot-de-passe-de-test"
HOME = reverse("wagtailadmin_home")


@dataclass
class World:
    own_space: object
    other_space: object
    ministry_editor: object
    comms_editor: object
    own: JobOffer
    other: JobOffer


def user_in(username, *groups):
    user = get_user_model().objects.create_user(username=username, password=PASSWORD)
    user.groups.add(*groups)
    return user


def offer_with_history(institution, title):
    """A published offer with a later draft: two revisions to view, compare and revert to."""
    offer = JobOfferFactory(institution=institution, title=title, published=True)
    offer.title = f"{title} (brouillon)"
    offer.save_revision()
    offer.refresh_from_db()
    return offer


def build_world():
    home_page()
    own_space = create_institution_space("Ministère des Essais", acronym="MESS")
    other_space = create_institution_space("Ministère des Contrôles", acronym="MCTL")
    team, _ = ensure_editorial_team()
    return World(
        own_space=own_space,
        other_space=other_space,
        ministry_editor=user_in("editeur-mess", own_space.group),
        comms_editor=user_in("equipe", team),
        own=offer_with_history(own_space.institution, "Offre des Essais"),
        other=offer_with_history(other_space.institution, "Offre des Contrôles"),
    )


@contextmanager
def module_world(django_db_blocker):
    """build_world() for a whole test module (module-scoped fixtures), rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_world()
        transaction.set_rollback(True)


def logged_in(user):
    """A test client logged in as `user`, or anonymous for None."""
    client = Client()
    if user is not None:
        client.force_login(user)
    return client


def denied(response):
    """Refused: 403, 404, or Wagtail's redirection to the dashboard with a permission message."""
    return response.status_code in (403, 404) or (response.status_code == 302 and response["Location"] == HOME)
