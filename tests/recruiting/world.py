"""Two ministries, their recruiters, an editor without the recruiting permission, the editorial team,
and an application to each ministry's offer (built with factories, not the demo)."""

from types import SimpleNamespace

from django.core.files.base import ContentFile

from candidates.models import Application, Candidate
from editorial.spaces import create_institution_space, ensure_editorial_team
from recruiting.groups import ensure_recruiters_group
from tests.editorial.pages import home_page
from tests.factories import JobOfferFactory
from tests.jobs.permission_world import user_in

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def candidate(email, first_name, last_name, **fields):
    return Candidate.objects.create(email=email, first_name=first_name, last_name=last_name, **fields)


def application(person, offer, letter="Je souhaite rejoindre votre équipe."):
    return Application.objects.create(
        candidate=person,
        offer=offer,
        cover_letter=letter,
        cv=ContentFile(PDF, name="cv.pdf"),
        cv_name="cv.pdf",
    )


def build():
    home_page()
    own = create_institution_space("Ministère des Essais", acronym="MESS")
    other = create_institution_space("Ministère des Contrôles", acronym="MCTL")
    team, _ = ensure_editorial_team()
    recruiters = ensure_recruiters_group()
    own_offer = JobOfferFactory(institution=own.institution, title="Offre des Essais")
    other_offer = JobOfferFactory(institution=other.institution, title="Offre des Contrôles")
    own_recruiter = user_in("recrutement-mess", own.group, recruiters)
    own_recruiter.email, own_recruiter.first_name, own_recruiter.last_name = "rh@essais.gouv.fr", "Rose", "Hémery"
    own_recruiter.save()
    alice = candidate("alice@example.org", "Alice", "Aubert")
    bruno = candidate("bruno@example.org", "Bruno", "Bellec")
    return SimpleNamespace(
        own=own.institution,
        other=other.institution,
        own_offer=own_offer,
        other_offer=other_offer,
        own_recruiter=own_recruiter,
        other_recruiter=user_in("recrutement-mctl", other.group, recruiters),
        own_editor=user_in("editeur-mess", own.group),
        comms=user_in("equipe", team),
        alice=alice,
        bruno=bruno,
        own_application=application(alice, own_offer, "Lettre d'Alice pour les Essais."),
        other_application=application(bruno, other_offer, "Lettre de Bruno pour les Contrôles."),
    )
