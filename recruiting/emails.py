"""The emails of the recruiting side, each in plain text and HTML (templates/recruiting/email/), in
French: the decision on an application, built from the editable DecisionEmailTemplate, and a
recruiter's message to a candidate of the talent pool."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string

from candidates.models import ApplicationStatus
from jobs.presenters import french_date
from metnum_site.addresses import absolute_url

from .models import DecisionEmailTemplate, fill_placeholders

# When an editor deleted a template: the decision still reaches the candidate.
FALLBACK_TEMPLATES = {
    ApplicationStatus.ACCEPTED: (
        "Votre candidature à l'offre « {intitule_offre} »",
        "Bonjour {prenom},\n\nVotre candidature à l'offre « {intitule_offre} » a été retenue par {institution}. "
        "L'équipe de recrutement vous contactera prochainement pour la suite.\n\nBien cordialement,\n{institution}",
    ),
    ApplicationStatus.REJECTED: (
        "Votre candidature à l'offre « {intitule_offre} »",
        "Bonjour {prenom},\n\nNous vous remercions de l'intérêt que vous portez à {institution}. Votre candidature "
        "à l'offre « {intitule_offre} » n'a pas été retenue, pour les motifs suivants :\n\n{motifs}\n\n"
        "Bien cordialement,\n{institution}",
    ),
}


def _subject(text):
    return " ".join(text.split())[:150]


def _message(to, subject, template, context, reply_to=None):
    context = {**context, "subject": subject, "site_name": settings.WAGTAIL_SITE_NAME, "site_url": absolute_url("/")}
    message = EmailMultiAlternatives(
        subject=subject,
        body=render_to_string(f"recruiting/email/{template}.txt", context),
        to=[to],
        reply_to=reply_to,
        headers={"Auto-Submitted": "auto-generated"},
    )
    message.attach_alternative(render_to_string(f"recruiting/email/{template}.html", context), "text/html")
    return message


def decision_values(application):
    reasons = [reason.label for reason in application.refusal_reasons.all()]
    return {
        "prenom": application.candidate.first_name,
        "nom": application.candidate.last_name,
        "intitule_offre": application.offer.title,
        "institution": application.offer.institution.name,
        "date_candidature": french_date(application.submitted_at.date()),
        "motifs": "\n".join(f"- {reason}" for reason in reasons),
    }


def decision_texts(application, status=None, reasons_placeholder=None):
    """The (subject, body) of the email telling `application`'s candidate the decision `status` (its
    current status by default), from that decision's template. `reasons_placeholder` stands for the
    reasons when none is given yet (a preview)."""
    status = ApplicationStatus(status or application.status)
    template = DecisionEmailTemplate.objects.filter(decision=status).first()
    subject, body = (template.subject, template.body) if template else FALLBACK_TEMPLATES[status]
    values = decision_values(application)
    if reasons_placeholder and not values["motifs"]:
        values["motifs"] = reasons_placeholder
    return _subject(fill_placeholders(subject, values)), fill_placeholders(body, values)


def decision_previews(application):
    """What each decision's email would say to this candidate, for the recruiter to read before deciding."""
    previews = []
    for status in (ApplicationStatus.ACCEPTED, ApplicationStatus.REJECTED):
        subject, body = decision_texts(application, status, reasons_placeholder="- [les motifs que vous cocherez]")
        previews.append({"label": status.label, "subject": subject, "body": body})
    return previews


def decision(application):
    subject, body = decision_texts(application)
    paragraphs = [paragraph.strip() for paragraph in body.replace("\r\n", "\n").split("\n\n") if paragraph.strip()]
    return _message(
        application.candidate.email,
        subject,
        "decision",
        {"body": body.strip(), "paragraphs": paragraphs, "offer_title": application.offer.title},
    )


def pool_contact(contact):
    sender = contact.sender
    sender_name = (sender.get_full_name() if sender else "") or f"L'équipe de recrutement de {contact.institution.name}"
    return _message(
        contact.candidate.email,
        _subject(f"{contact.institution.name} souhaite échanger avec vous"),
        "pool_contact",
        {
            "first_name": contact.candidate.first_name,
            "institution": contact.institution.name,
            "sender_name": sender_name,
            "message": contact.message.strip(),
        },
        reply_to=[sender.email] if sender and sender.email else None,
    )
