"""The recruiters' side of the applications (docs/recruiting.md): their private notes, the templates of
the decision emails, the log of CV downloads and the messages sent to candidates of the talent pool."""

import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from candidates.models import ApplicationStatus

# The placeholders a decision email template may hold, and what each becomes.
PLACEHOLDERS = {
    "prenom": "le prénom de la personne candidate",
    "nom": "son nom",
    "intitule_offre": "l'intitulé de l'offre",
    "institution": "le nom de l'institution qui recrute",
    "date_candidature": "la date de la candidature (4 décembre 2026)",
    "motifs": "les motifs de refus choisis, un par ligne",
}
PLACEHOLDER = re.compile(r"\{(\w*)\}")
PLACEHOLDERS_HELP = "Champs remplacés à l'envoi : " + ", ".join(
    f"{{{name}}} ({meaning})" for name, meaning in PLACEHOLDERS.items()
)
DECISIONS = [
    (ApplicationStatus.ACCEPTED.value, ApplicationStatus.ACCEPTED.label),
    (ApplicationStatus.REJECTED.value, ApplicationStatus.REJECTED.label),
]


def fill_placeholders(text, values):
    """`text` with each known {placeholder} replaced by its value (plain text), the rest left as written.
    Never a template language: an editor's text cannot reach attributes, tags or settings."""
    return PLACEHOLDER.sub(lambda match: values.get(match.group(1), match.group(0)), text)


def unknown_placeholders(text):
    return sorted({name for name in PLACEHOLDER.findall(text) if name not in PLACEHOLDERS})


class DecisionEmailTemplate(models.Model):
    """The email that tells a candidate the decision on their application: one per decision."""

    decision = models.CharField("décision", max_length=20, choices=DECISIONS, unique=True)
    subject = models.CharField("objet", max_length=200, help_text=PLACEHOLDERS_HELP)
    body = models.TextField("texte", help_text=PLACEHOLDERS_HELP + ". Un paragraphe par ligne vide.")

    class Meta:
        verbose_name = "modèle d'e-mail de décision"
        verbose_name_plural = "modèles d'e-mails de décision"
        ordering = ["decision"]

    def __str__(self):
        return f"E-mail « {self.get_decision_display()} »"

    def clean(self):
        errors = {}
        for field in ("subject", "body"):
            unknown = unknown_placeholders(getattr(self, field) or "")
            if unknown:
                errors[field] = (
                    "Champ inconnu : " + ", ".join(f"{{{name}}}" for name in unknown) + ". " + PLACEHOLDERS_HELP + "."
                )
        if errors:
            raise ValidationError(errors)


class ApplicationNote(models.Model):
    """A recruiter's private note on an application: only the recruiters of the offer's institution read it."""

    application = models.ForeignKey(
        "candidates.Application", verbose_name="candidature", on_delete=models.CASCADE, related_name="notes"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="auteur", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField("note")
    created_at = models.DateTimeField("écrite le", default=timezone.now)

    class Meta:
        verbose_name = "note sur une candidature"
        verbose_name_plural = "notes sur les candidatures"
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"Note n° {self.pk}"


class CvDownload(models.Model):
    """Who downloaded which CV, and when: every download through the recruiters' view is logged."""

    application = models.ForeignKey(
        "candidates.Application", verbose_name="candidature", on_delete=models.CASCADE, related_name="cv_downloads"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="téléchargé par", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    downloaded_at = models.DateTimeField("téléchargé le", default=timezone.now)

    class Meta:
        verbose_name = "téléchargement de CV"
        verbose_name_plural = "téléchargements de CV"
        ordering = ["-downloaded_at", "-pk"]

    def __str__(self):
        return f"Téléchargement n° {self.pk}"


class PoolContact(models.Model):
    """A recruiter's message to a candidate of the talent pool, sent by MetNum on behalf of an institution."""

    candidate = models.ForeignKey(
        "candidates.Candidate", verbose_name="personne candidate", on_delete=models.CASCADE, related_name="+"
    )
    institution = models.ForeignKey(
        "jobs.Institution", verbose_name="institution", on_delete=models.CASCADE, related_name="+"
    )
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name="envoyé par", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    message = models.TextField("message")
    sent_at = models.DateTimeField("envoyé le", default=timezone.now)

    class Meta:
        verbose_name = "prise de contact du vivier"
        verbose_name_plural = "prises de contact du vivier"
        ordering = ["-sent_at", "-pk"]

    def __str__(self):
        return f"Prise de contact n° {self.pk}"
