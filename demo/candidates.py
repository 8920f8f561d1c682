"""The candidates' side of the demo (data/candidates.yaml): two employers that receive applications
on the site, the refusal reasons, candidates (some in the talent pool, one hiding from institutions)
and applications at every status, each with a small PDF CV written by code (cv_files.py).

Idempotent: what exists (by address, label, candidate and offer) is left alone, editors' and
candidates' changes included. The employers are switched to applications on the site only on the
run that creates the demo candidates, so that an editor who switched one off keeps it off."""

from django.core.files.base import ContentFile
from django.db import transaction

from candidates.models import Application, ApplicationStatus, Candidate, RefusalReason
from jobs.models import ContractType, Institution, JobOffer, Profession

from . import files
from .cv_files import cv_pdf
from .offers import DEMO_SOURCE


def data():
    return files.read("candidates")


def load(report):
    content = data()
    with transaction.atomic():
        report.count("motifs de refus", ensure_refusal_reasons(content["refusal_reasons"]))
        created = ensure_candidates(content["candidates"])
        report.count("personnes candidates", created)
        if created:
            Institution.objects.filter(slug__in=content["receiving_institutions"]).update(
                receives_applications_on_metnum=True
            )
    report.count("candidatures", ensure_applications(content["candidates"]))


def ensure_refusal_reasons(labels):
    existing = set(RefusalReason.objects.values_list("label", flat=True))
    missing = [label for label in labels if label not in existing]
    RefusalReason.objects.bulk_create(RefusalReason(label=label, position=labels.index(label)) for label in missing)
    return len(missing)


def ensure_candidates(people):
    existing = set(Candidate.objects.values_list("email", flat=True))
    created = 0
    for person in people:
        if person["email"] in existing:
            continue
        candidate = Candidate.objects.create(
            email=person["email"],
            first_name=person["first_name"],
            last_name=person["last_name"],
            region=person.get("region", ""),
            current_job=person.get("current_job", ""),
            years_of_experience=person.get("years_of_experience"),
            github_url=person.get("github_url", ""),
            portfolio_url=person.get("portfolio_url", ""),
            in_talent_pool=person.get("in_talent_pool", False),
        )
        candidate.contract_types.set(ContractType.objects.filter(code__in=person.get("contracts", [])))
        candidate.domains.set(Profession.objects.filter(slug__in=person.get("domains", [])))
        candidate.hidden_institutions.set(Institution.objects.filter(slug__in=person.get("hidden", [])))
        created += 1
    return created


def ensure_applications(people):
    created = 0
    for person in people:
        candidate = Candidate.objects.filter(email=person["email"]).first()
        if candidate is None:
            continue
        for item in person.get("applications", []):
            offer = JobOffer.objects.filter(source=DEMO_SOURCE, external_id=item["offer"]).first()
            if offer is None or Application.objects.filter(candidate=candidate, offer=offer).exists():
                continue
            application = Application(
                candidate=candidate,
                offer=offer,
                cover_letter=item["letter"],
                status=ApplicationStatus(item["status"]),
                cv_name=f"CV-{candidate.first_name}-{candidate.last_name}.pdf".replace(" ", "-"),
            )
            application.cv.save("cv.pdf", ContentFile(cv_pdf(person["cv"])), save=False)
            try:
                with transaction.atomic():
                    application.save()
                    application.refusal_reasons.set(RefusalReason.objects.filter(label__in=item.get("reasons", [])))
            except Exception:
                application.cv.storage.delete(application.cv.name)
                raise
            created += 1
    return created
