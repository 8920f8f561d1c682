"""Runs by hand and the weekly task: the admin summary (IntakeRun) and the comms team's emails."""

import shutil

import pytest
from django.core import mail
from django.urls import reverse

from intake.models import IntakeRun
from intake.runs import collect
from intake.tasks import weekly_intake
from jobs.importer import ImportFileError
from jobs.models import JobOffer
from tests.intake.helpers import csp_row, run_intake_command
from tests.intake.test_csp_open_data import write

pytestmark = pytest.mark.django_db


def test_a_run_by_hand_is_recorded(institutions, tmp_path):
    row = csp_row(**{"Référence": "2", "Intitulé du poste": "Jardinier", "Métier": "Jardinier"})
    run_intake_command("csp", write(tmp_path, [csp_row(), row]))

    run = IntakeRun.objects.get()
    assert (run.kind, run.status, run.kept, run.dropped, run.created) == ("csp", "reussie", 1, 1, 1)
    assert run.finished_at is not None


def test_a_failed_run_is_recorded_and_emailed(institutions, tmp_path, settings):
    settings.INTAKE_NOTIFY_EMAILS = ["communication@example.gouv.fr"]
    path = tmp_path / "vide.csv"
    path.write_bytes(b"")

    status, _, _ = run_intake_command("csp", path)

    assert status == 2
    run = IntakeRun.objects.get()
    assert run.status == "echec" and "vide" in run.message
    assert [message.to for message in mail.outbox] == [["communication@example.gouv.fr"]]
    assert "La collecte « csp » a échoué" in mail.outbox[0].subject


def test_dropping_more_than_usual_is_emailed(institutions, tmp_path, settings):
    settings.INTAKE_NOTIFY_EMAILS = ["communication@example.gouv.fr"]
    digital = [csp_row(**{"Référence": f"N{number}"}) for number in range(4)]
    other = [
        csp_row(**{"Référence": f"J{n}", "Intitulé du poste": "Jardinier", "Métier": "Jardinier"}) for n in range(4)
    ]
    for _ in range(2):
        collect("csp", write(tmp_path, digital + other[:1]))
    assert not mail.outbox

    collect("csp", write(tmp_path, digital[:1] + other))

    assert len(mail.outbox) == 1
    assert "plus d'offres que d'habitude" in mail.outbox[0].subject
    assert "4 offres écartées sur 5" in mail.outbox[0].body


def test_the_weekly_task_collects_every_configured_source(institutions, tmp_path, settings, monkeypatch):
    source = write(tmp_path, [csp_row()])
    settings.INTAKE_FEEDS = {"csp": "https://example.org/offres.csv", "france-travail": ""}

    def fake_download(url):
        copy = tmp_path / "telechargement.csv"
        shutil.copy(source, copy)
        return copy

    monkeypatch.setattr("intake.runs.download", fake_download)

    result = weekly_intake.enqueue()

    assert result.return_value == {"csp": "Réussie"}
    assert JobOffer.objects.get().live
    assert not (tmp_path / "telechargement.csv").exists()  # the downloaded copy is removed


def test_the_weekly_task_survives_a_failing_source(institutions, settings, monkeypatch):
    settings.INTAKE_FEEDS = {"csp": "https://example.org/offres.csv"}

    def broken(url):
        raise ImportFileError("Téléchargement interrompu.")

    monkeypatch.setattr("intake.runs.download", broken)
    assert weekly_intake.enqueue().return_value == {"csp": "échec"}
    assert IntakeRun.objects.get().status == "echec"


def test_the_admin_lists_runs_but_nobody_edits_them(institutions, tmp_path, admin_client):
    run_intake_command("csp", write(tmp_path, [csp_row()]))
    run = IntakeRun.objects.get()

    listing = admin_client.get(reverse("wagtailsnippets_intake_intakerun:list"))
    assert listing.status_code == 200
    assert "Réussie" in listing.content.decode()
    assert admin_client.get(reverse("wagtailsnippets_intake_intakerun:inspect", args=[run.pk])).status_code == 200
    assert admin_client.get(reverse("wagtailsnippets_intake_intakerun:add")).status_code in (302, 403)
    assert admin_client.get(reverse("wagtailsnippets_intake_intakerun:edit", args=[run.pk])).status_code in (302, 403)
    assert admin_client.post(reverse("wagtailsnippets_intake_intakerun:delete", args=[run.pk])).status_code in (
        302,
        403,
    )
    assert IntakeRun.objects.filter(pk=run.pk).exists()


def test_the_comms_team_maps_an_employer_in_the_admin(institutions, tmp_path, admin_client):
    from intake.models import SourceEmployer
    from jobs.models import Institution

    run_intake_command("csp", write(tmp_path, [csp_row(**{"Organisme de rattachement": "Direction X"})]))
    employer = SourceEmployer.objects.get()
    dinum = Institution.objects.get(acronym="DINUM")

    page = admin_client.get(reverse("wagtailsnippets_intake_sourceemployer:list"))
    assert "Direction X" in page.content.decode()
    response = admin_client.post(
        reverse("wagtailsnippets_intake_sourceemployer:edit", args=[employer.pk]), {"institution": dinum.pk}
    )
    assert response.status_code == 302, response.context["form"].errors
    employer.refresh_from_db()
    assert employer.institution == dinum


def test_the_editorial_team_tunes_the_intake_and_ministries_do_not(institutions, tmp_path, client):
    from django.contrib.auth import get_user_model

    from editorial.spaces import ensure_editorial_team
    from tests.editorial.pages import home_page

    home_page()
    team, _ = ensure_editorial_team()
    run_intake_command("csp", write(tmp_path, [csp_row(**{"Organisme de rattachement": "Direction X"})]))
    member = get_user_model().objects.create_user("equipe", password="x")
    member.groups.add(team)
    outsider = get_user_model().objects.create_user("autre", password="x", is_staff=True)

    client.force_login(member)
    for name in ("intakerun", "digitalrule", "sourceemployer", "sourcelink"):
        assert client.get(reverse(f"wagtailsnippets_intake_{name}:list")).status_code == 200
    assert client.get(reverse("wagtailsnippets_intake_digitalrule:add")).status_code == 200
    assert client.get(reverse("wagtailsnippets_intake_intakerun:add")).status_code in (302, 403)

    client.force_login(outsider)
    for name in ("intakerun", "digitalrule", "sourceemployer", "sourcelink"):
        assert client.get(reverse(f"wagtailsnippets_intake_{name}:list")).status_code in (302, 403)
