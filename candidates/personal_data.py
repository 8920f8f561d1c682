"""A candidate's data, all of it: the archive they download (JSON + their CVs) and the deletion of
everything in one step."""

import io
import json
import zipfile

from django.db import transaction
from django.dispatch import Signal

from .models import Candidate

# Sent with `candidate` while their archive is built: each receiver (an app that keeps more about
# candidates, such as recruiting: the talent pool's messages, the recruiters' notes) returns
# {key: value} pieces of donnees.json.
collecting = Signal()


def export(candidate):
    """A zip archive (bytes): donnees.json, and each application's CV under cv/."""
    applications = candidate.applications.select_related("offer__institution").prefetch_related("refusal_reasons")
    data = {
        "profil": {
            "adresse_electronique": candidate.email,
            "prenom": candidate.first_name,
            "nom": candidate.last_name,
            "telephone": candidate.phone,
            "region": candidate.get_region_display() if candidate.region else "",
            "poste_actuel": candidate.current_job,
            "annees_experience": candidate.years_of_experience,
            "github": candidate.github_url,
            "portfolio": candidate.portfolio_url,
            "types_de_contrat": [str(item) for item in candidate.contract_types.all()],
            "domaines": [item.name for item in candidate.domains.all()],
            "vivier_de_talents": candidate.in_talent_pool,
            "institutions_masquees": [item.name for item in candidate.hidden_institutions.all()],
            "inscription_le": candidate.created_at.isoformat(),
            "derniere_activite_le": candidate.last_seen_at.isoformat(),
        },
        "candidatures": [],
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for application in applications:
            cv_path = f"cv/candidature-{application.pk}-{application.cv_name}"
            data["candidatures"].append(
                {
                    "offre": application.offer.title,
                    "institution": application.offer.institution.name,
                    "envoyee_le": application.submitted_at.isoformat(),
                    "statut": application.get_status_display(),
                    "motifs_de_refus": [reason.label for reason in application.refusal_reasons.all()],
                    "lettre_de_motivation": application.cover_letter,
                    "cv": cv_path,
                }
            )
            try:
                with application.cv.open("rb") as cv:
                    archive.writestr(cv_path, cv.read())
            except FileNotFoundError:
                data["candidatures"][-1]["cv"] = None
        for _receiver, pieces in collecting.send(sender=Candidate, candidate=candidate):
            data.update(pieces)
        archive.writestr("donnees.json", json.dumps(data, ensure_ascii=False, indent=2))
    return buffer.getvalue()


def delete_everything(candidate):
    """The candidate, their applications and CV files (deleted from the storage once committed)."""
    with transaction.atomic():
        Candidate.objects.filter(pk=candidate.pk).first().delete()
