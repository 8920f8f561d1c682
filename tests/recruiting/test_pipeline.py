"""The recruiters' pipeline: who sees applications, decisions and their emails, notes, CV downloads."""

import re

import pytest
from django.core import mail
from django.urls import reverse

from candidates.models import RefusalReason
from recruiting.models import ApplicationNote, CvDownload, DecisionEmailTemplate
from tests.jobs.permission_world import denied, logged_in

from .world import PDF, build

pytestmark = pytest.mark.django_db


@pytest.fixture
def world():
    return build()


def page(client, url):
    response = client.get(url)
    return response.status_code, response.content.decode()


def decide(client, application, status, reasons=(), capture=None):
    url = reverse("recruiting_application", args=[application.pk])
    data = {"status": status, "refusal_reasons": [reason.pk for reason in reasons]}
    if capture is None:
        return client.post(url, data)
    with capture(execute=True):
        return client.post(url, data)


def test_a_recruiter_lists_their_institutions_applications_only(world):
    status, html = page(logged_in(world.own_recruiter), reverse("recruiting_index"))
    assert status == 200
    assert "Alice Aubert" in html and "Offre des Essais" in html
    assert "Bruno" not in html and "Offre des Contrôles" not in html


def test_the_list_filters_by_status_and_offer(world):
    client = logged_in(world.own_recruiter)
    _, html = page(client, reverse("recruiting_index") + "?status=retenue")
    assert "Alice Aubert" not in html and "Aucune candidature ne correspond" in html
    _, html = page(client, reverse("recruiting_index") + f"?offer={world.own_offer.pk}&status=a_traiter")
    assert "Alice Aubert" in html
    status, html = page(client, reverse("recruiting_index") + f"?offer={world.other_offer.pk}&status=nimporte")
    assert status == 200 and "Bruno" not in html  # another's offer is not a choice: the filter is refused


def test_a_recruiter_never_reaches_another_institutions_application_cv_or_notes(world):
    ApplicationNote.objects.create(application=world.other_application, author=world.other_recruiter, text="Secret")
    client = logged_in(world.own_recruiter)
    pk = world.other_application.pk
    for name in ("recruiting_application", "recruiting_cv"):
        assert client.get(reverse(name, args=[pk])).status_code == 404
    assert client.post(reverse("recruiting_application_note", args=[pk]), {"text": "intrusion"}).status_code == 404
    assert decide(client, world.other_application, "retenue").status_code == 404
    world.other_application.refresh_from_db()
    assert world.other_application.status == "a_traiter"
    assert ApplicationNote.objects.filter(text="intrusion").count() == 0 and CvDownload.objects.count() == 0


def test_an_editor_without_the_recruiting_permission_reaches_nothing(world):
    client = logged_in(world.own_editor)
    pk = world.own_application.pk
    assert denied(client.get(reverse("recruiting_index")))
    for name in ("recruiting_application", "recruiting_cv", "recruiting_pool_candidate"):
        assert denied(client.get(reverse(name, args=[pk])))
    assert denied(client.get(reverse("recruiting_pool")))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    # No menu entry nor panel of the pipeline (the week's impact figures may count applications).
    assert reverse("recruiting_index") not in home and "Candidatures à traiter" not in home


def test_the_editorial_team_sees_counts_but_no_name_letter_or_cv(world):
    client = logged_in(world.comms)
    status, html = page(client, reverse("recruiting_index"))
    assert status == 200
    assert "Offre des Essais" in html and "Offre des Contrôles" in html
    assert re.search(r"Ministère des Contrôles</th>\s*<td>1</td>", html)  # per institution: 1 in all
    assert "Alice" not in html and "Bruno" not in html and "Lettre" not in html
    for name in ("recruiting_application", "recruiting_cv"):
        assert denied(client.get(reverse(name, args=[world.own_application.pk])))
    assert denied(client.get(reverse("recruiting_pool")))


def test_the_application_page_shows_the_letter_and_the_cv_link(world):
    status, html = page(
        logged_in(world.own_recruiter), reverse("recruiting_application", args=[world.own_application.pk])
    )
    assert status == 200
    assert "Lettre d&#x27;Alice pour les Essais." in html and "alice@example.org" in html
    assert reverse("recruiting_cv", args=[world.own_application.pk]) in html


def test_a_cv_download_is_an_attachment_and_is_logged(world):
    response = logged_in(world.own_recruiter).get(reverse("recruiting_cv", args=[world.own_application.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    download = CvDownload.objects.get()
    assert (download.application, download.user) == (world.own_application, world.own_recruiter)


def test_refusing_requires_a_reason_and_changes_nothing_without_one(world):
    response = decide(logged_in(world.own_recruiter), world.own_application, "non_retenue")
    assert response.status_code == 400
    assert "Choisissez au moins un motif" in response.content.decode()
    world.own_application.refresh_from_db()
    assert world.own_application.status == "a_traiter" and not mail.outbox


def test_a_refusal_tells_the_candidate_with_the_reasons(world, django_capture_on_commit_callbacks):
    reasons = list(RefusalReason.objects.filter(active=True)[:2])
    assert len(reasons) == 2  # seeded by recruiting/0002
    response = decide(
        logged_in(world.own_recruiter),
        world.own_application,
        "non_retenue",
        reasons,
        django_capture_on_commit_callbacks,
    )
    assert response.status_code == 302
    (message,) = mail.outbox
    assert message.to == ["alice@example.org"]
    assert "Offre des Essais" in message.subject
    html = message.alternatives[0][0]
    for reason in reasons:
        assert f"- {reason.label}" in message.body
        assert reason.label.replace("'", "&#x27;") in html
    assert "Bonjour Alice," in message.body and "Ministère des Essais" in message.body
    world.own_application.refresh_from_db()
    assert world.own_application.status == "non_retenue" and world.own_application.decision_sent_at is not None
    assert set(world.own_application.refusal_reasons.all()) == set(reasons)


def test_an_acceptance_uses_its_template_and_no_reason(world, django_capture_on_commit_callbacks):
    reason = RefusalReason.objects.first()
    decide(
        logged_in(world.own_recruiter), world.own_application, "retenue", [reason], django_capture_on_commit_callbacks
    )
    (message,) = mail.outbox
    assert "retenue" in message.subject and reason.label not in message.body
    assert world.own_application.refusal_reasons.count() == 0


def test_moving_to_in_progress_sends_nothing(world, django_capture_on_commit_callbacks):
    decide(
        logged_in(world.own_recruiter), world.own_application, "en_cours", capture=django_capture_on_commit_callbacks
    )
    world.own_application.refresh_from_db()
    assert world.own_application.status == "en_cours" and not mail.outbox


def test_template_placeholders_are_filled_and_nothing_else_is_interpreted(world, django_capture_on_commit_callbacks):
    DecisionEmailTemplate.objects.filter(decision="retenue").update(
        subject="Bravo {prenom} {nom}",
        body="{institution} retient votre candidature du {date_candidature} à « {intitule_offre} ». "
        "{{ settings.SECRET_KEY }} {prenom.__class__} {% debug %} <script>alert(1)</script> {inconnu}",
    )
    world.own_application.offer.title = "Offre <b>gras</b>"
    world.own_application.offer.save()
    decide(logged_in(world.own_recruiter), world.own_application, "retenue", capture=django_capture_on_commit_callbacks)
    (message,) = mail.outbox
    assert message.subject == "Bravo Alice Aubert"
    assert "Ministère des Essais retient votre candidature du" in message.body
    assert "« Offre <b>gras</b> »" in message.body
    assert "{{ settings.SECRET_KEY }} {prenom.__class__} {% debug %}" in message.body and "{inconnu}" in message.body
    html = message.alternatives[0][0]
    assert "<script>" not in html and "&lt;script&gt;" in html and "<b>gras</b>" not in html


def test_a_template_with_an_unknown_placeholder_is_refused():
    template = DecisionEmailTemplate(decision="retenue", subject="Bonjour {prenom}", body="Votre {poste}")
    with pytest.raises(Exception, match=r"\{poste\}"):
        template.full_clean(exclude=["decision"])


def test_notes_are_shown_to_the_institutions_recruiters_only(world):
    client = logged_in(world.own_recruiter)
    url = reverse("recruiting_application", args=[world.own_application.pk])
    client.post(reverse("recruiting_application_note", args=[world.own_application.pk]), {"text": "Très bon profil"})
    note = ApplicationNote.objects.get()
    assert (note.author, note.application) == (world.own_recruiter, world.own_application)
    assert "Très bon profil" in client.get(url).content.decode()
    for user in (world.other_recruiter, world.comms, world.own_editor):
        response = logged_in(user).get(url)
        assert denied(response) and "Très bon profil" not in response.content.decode()


def test_an_empty_note_is_refused(world):
    client = logged_in(world.own_recruiter)
    response = client.post(
        reverse("recruiting_application_note", args=[world.own_application.pk]), {"text": ""}, follow=True
    )
    assert "rien n&#x27;a été ajouté" in response.content.decode() and not ApplicationNote.objects.exists()


def test_the_editorial_team_edits_the_templates_and_an_unknown_placeholder_is_refused(world):
    template = DecisionEmailTemplate.objects.get(decision="non_retenue")
    url = reverse("wagtailsnippets_recruiting_decisionemailtemplate:edit", args=[template.pk])
    client = logged_in(world.comms)
    response = client.post(url, {"decision": "non_retenue", "subject": "Réponse", "body": "Bonjour {prenom} {poste}"})
    assert response.status_code == 200 and "Champ inconnu : {poste}" in response.content.decode()
    client.post(url, {"decision": "non_retenue", "subject": "Réponse", "body": "Bonjour {prenom}, {motifs}"})
    template.refresh_from_db()
    assert template.body == "Bonjour {prenom}, {motifs}"
    reasons = reverse("wagtailsnippets_candidates_refusalreason:list")
    assert client.get(reasons).status_code == 200
    assert denied(logged_in(world.own_recruiter).get(url))


def test_the_dashboard_shows_a_recruiter_the_applications_to_process(world):
    home = reverse("wagtailadmin_home")
    html = logged_in(world.own_recruiter).get(home).content.decode()
    assert "1 candidature à traiter" in html and "Alice Aubert" in html and "Bruno" not in html
    for user in (world.own_editor, world.comms):
        assert "Candidatures à traiter" not in logged_in(user).get(home).content.decode()


def test_the_application_page_previews_each_decisions_email(world):
    url = reverse("recruiting_application", args=[world.own_application.pk])
    html = logged_in(world.own_recruiter).get(url).content.decode()
    assert "Aperçu de l'e-mail « Retenue »" in html and "Aperçu de l'e-mail « Non retenue »" in html
    assert "Bonjour Alice," in html and "[les motifs que vous cocherez]" in html
    assert not mail.outbox
