"""The comms team sees weekly counts in the admin, never the addresses; the addresses need
alerts.view_subscriber_address."""

import pytest
from django.contrib.auth.models import Group, Permission

from alerts import stats
from alerts.models import Activity
from editorial.spaces import ensure_editorial_team
from tests.editorial.pages import home_page
from tests.jobs.permission_world import denied, logged_in, user_in

from .helpers import confirmed_alert

pytestmark = pytest.mark.django_db


@pytest.fixture
def team():
    home_page()
    group, _ = ensure_editorial_team()
    confirmed_alert("camille.secrete@example.fr", "q=python")
    stats.count(Activity.REQUESTED, 3)
    stats.count(Activity.UNSUBSCRIBED)
    return group


def test_the_comms_team_sees_the_weekly_counts_and_no_address(team):
    client = logged_in(user_in("equipe", team))

    counts = client.get("/admin/alertes/")
    subscribers = client.get("/admin/alertes/abonnes/")

    page = counts.content.decode()
    assert counts.status_code == 200
    assert "Demandes d&#x27;inscription" in page and "Semaine du" in page
    assert "<td>3</td>" in page.replace(" ", "").replace("\n", "") or ">3<" in page.replace(" ", "").replace("\n", "")
    assert "camille.secrete" not in page
    assert denied(subscribers)
    assert "camille.secrete" not in subscribers.content.decode()
    export = client.get("/admin/alertes/?export=csv")
    assert "camille.secrete" not in b"".join(export.streaming_content).decode()
    assert "Personnes abonnées aux alertes" not in client.get("/admin/reports/").content.decode()


def test_the_address_permission_shows_the_addresses(team):
    user = user_in("dpo", team)
    user.user_permissions.add(Permission.objects.get(codename="view_subscriber_address"))
    client = logged_in(user)

    response = client.get("/admin/alertes/abonnes/", {"q": "camille"})

    assert response.status_code == 200
    assert "camille.secrete@example.fr" in response.content.decode()


def test_editors_without_the_counts_permission_see_nothing(team):
    editors = Group.objects.create(name="Rédaction d'un ministère")
    editors.permissions.add(Permission.objects.get(codename="access_admin"))
    client = logged_in(user_in("redaction", editors))

    assert denied(client.get("/admin/alertes/"))
