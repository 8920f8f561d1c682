"""The impact reports of the admin: each role sees its own figures, periods are checked, exports open."""

import datetime
import io

import openpyxl
import pytest
from django.contrib.auth.models import Group, Permission
from django.utils import timezone

from impact.models import OfferDailyCount
from tests.factories import InstitutionFactory, JobOfferFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_ministries(django_user_model):
    today = timezone.localdate()
    own = InstitutionFactory(name="Ministère des Essais")
    other = InstitutionFactory(name="Ministère des Contrôles")
    own_offer = JobOfferFactory(institution=own, title="Offre Tamanrasset", published=True)
    other_offer = JobOfferFactory(institution=other, title="Offre Ornithorynque", published=True)
    OfferDailyCount.objects.create(day=today, offer=own_offer, institution=own, views=40, apply_clicks=5)
    OfferDailyCount.objects.create(day=today, offer=other_offer, institution=other, views=70, apply_clicks=7)
    group = Group.objects.create(name="Éditeurs des Essais")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    own.editor_groups.add(group)
    editor = django_user_model.objects.create_user("editeur", "editeur@example.gouv.fr", "x")
    editor.groups.add(group)
    comms = django_user_model.objects.create_superuser("equipe", "equipe@example.gouv.fr", "x")
    return editor, comms


def page(client, user, url):
    client.force_login(user)
    return client.get(url)


@pytest.mark.parametrize("url", ["/admin/impact/offres/", "/admin/impact/institutions/"])
def test_an_editor_sees_only_its_institution_and_the_comms_team_sees_all(client, two_ministries, url):
    editor, comms = two_ministries

    own = page(client, editor, url).content.decode()
    everything = page(client, comms, url).content.decode()

    assert "Essais" in own and "Contrôles" not in own and "Ornithorynque" not in own
    assert "Essais" in everything and "Contrôles" in everything


def test_the_monthly_note_is_for_the_comms_team_only(client, two_ministries):
    editor, comms = two_ministries

    refused = page(client, editor, "/admin/impact/note-mensuelle/")
    assert refused.status_code in (302, 403) and "Note d'impact" not in refused.content.decode()
    assert page(client, comms, "/admin/impact/note-mensuelle/").status_code == 200


def test_the_xlsx_export_opens_with_the_figures(client, two_ministries):
    editor, _ = two_ministries
    today = timezone.localdate().strftime("%d/%m/%Y")

    response = page(client, editor, f"/admin/impact/offres/?du={today}&au={today}&export=xlsx")

    workbook = openpyxl.load_workbook(
        io.BytesIO(b"".join(response.streaming_content) if response.streaming else response.content)
    )
    rows = list(workbook.active.iter_rows(values_only=True))
    assert rows[0][:2] == ("Intitulé", "Référence")
    assert [row[0] for row in rows[1:]] == ["Offre Tamanrasset"]
    assert rows[1][3:5] == (40, 5)


@pytest.mark.parametrize(
    "query, message",
    [
        ("du=31/02/2026&au=01/03/2026", "Saisissez la date de début au format jj/mm/aaaa"),
        ("du=2026-11-01&au=30/11/2026", "Saisissez la date de début au format jj/mm/aaaa"),
        ("du=10/11/2026&au=01/11/2026", "La date de fin doit être postérieure ou égale à la date de début."),
        ("du=01/01/2020&au=01/01/2026", "Choisissez une période de 366 jours au plus."),
        ("du=%00&au=<script>", "Saisissez la date de fin au format jj/mm/aaaa"),
    ],
)
def test_a_wrong_period_gets_a_french_message_and_no_error(client, two_ministries, query, message):
    _, comms = two_ministries

    response = page(client, comms, f"/admin/impact/institutions/?{query}")

    assert response.status_code == 200
    assert message in response.content.decode()
    assert "<script>" not in response.content.decode().split("impact-period", 1)[1].split("</form>")[0]


def test_a_period_limits_the_figures(client, two_ministries):
    _, comms = two_ministries
    yesterday = (timezone.localdate() - datetime.timedelta(days=1)).strftime("%d/%m/%Y")

    response = page(client, comms, f"/admin/impact/offres/?du={yesterday}&au={yesterday}")

    assert "Ornithorynque" not in response.content.decode()
    assert "Chiffres du" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    ["export=pdf", "p=999", "p=x", "du=01/11/2026&du=02/11/2026", "du=99/99/99999999", "au=\x00", "mois=1/1"],
)
def test_hostile_query_strings_never_break_a_report(client, two_ministries, query):
    editor, comms = two_ministries
    for user in (editor, comms):
        for url in ("/admin/impact/offres/", "/admin/impact/institutions/", "/admin/impact/note-mensuelle/"):
            assert page(client, user, f"{url}?{query}").status_code < 500, (user, url)
