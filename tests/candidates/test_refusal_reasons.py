"""The refusal reasons: a list the editorial team edits in the admin; ministry editors do not."""

import pytest
from django.urls import reverse

from candidates.models import RefusalReason
from editorial.spaces import create_institution_space, ensure_editorial_team
from tests.factories import InstitutionFactory
from tests.jobs.permission_world import logged_in, user_in

pytestmark = pytest.mark.django_db


def test_the_editorial_team_edits_the_refusal_reasons_and_ministry_editors_do_not(demo_site):
    team, _ = ensure_editorial_team()
    space = create_institution_space(InstitutionFactory(name="Ministère des Essais").name)
    comms = logged_in(user_in("equipe", team))
    ministry = logged_in(user_in("ministere", space.group))
    add_url = reverse("wagtailsnippets_candidates_refusalreason:add")

    response = comms.post(add_url, {"label": "Le poste a été pourvu.", "active": "on", "position": "1"})

    assert response.status_code == 302
    assert RefusalReason.objects.filter(label="Le poste a été pourvu.").exists()
    assert "Motifs de refus" in comms.get(reverse("wagtailadmin_home")).content.decode()
    assert ministry.get(reverse("wagtailsnippets_candidates_refusalreason:list")).status_code in (302, 403)
    assert ministry.post(add_url, {"label": "Autre", "position": "2"}).status_code in (302, 403)
    assert not RefusalReason.objects.filter(label="Autre").exists()
