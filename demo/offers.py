"""The demo offers (data/offers/<employer>.yaml), loaded through the product's importer like any feed.

Each file holds one employer's offers, written out in full: `context` (the team and the project, one
paragraph or a list of them), `missions` and `profile` (lists, shown as bullets). What an employer's
offers share (the application address, the benefits, the recruitment steps) comes from
data/institutions.yaml unless an offer says otherwise; the employer's line on remote work
(`remote_benefit`) goes only to its offers with partial remote work.
Offers are of the State's civil service (`versant: etat`) unless they say otherwise, except those of
the employers that hire under private law (PRIVATE_LAW_EMPLOYERS), which state none.

Dates are written relative to the day of the load: `published: 12` is twelve days ago, `deadline: 30`
is in thirty days, a negative deadline has passed. A second run the same day changes nothing; a run
on a later day refreshes the dates (one new revision per offer). Offers marked `filled: true` are
then closed as filled, as an editor does it, once.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from jobs.importer import COLUMNS, import_offers
from jobs.models import InternalAcronym, JobOffer
from jobs.offer_actions import mark_filled

from . import files
from .institutions import ensure_institutions, institutions

DEMO_SOURCE = "demo"
APPLY_URL = "https://choisirleservicepublic.gouv.fr/offre-emploi/{reference}/"


def load(report):
    """Create the employers (with their logos), then import the offers and close the filled ones."""
    with transaction.atomic():
        report.count("institutions", ensure_institutions())
        report.count("sigles internes", ensure_internal_acronyms())
    result = import_offers(offer_rows(), DEMO_SOURCE)
    # Only possible when an editor changed a demo employer's identifier: the other offers still load.
    report.count("offres de démonstration ignorées (employeur introuvable)", result.rejected)
    report.count("offres créées", result.created)
    report.count("offres mises à jour", result.updated)
    report.count("offres pourvues", mark_filled_offers())


def ensure_internal_acronyms():
    """Create the demo internal acronyms that are missing (before the offers, which are scored
    against them); leave the others and editors' changes alone. Returns how many were created."""
    existing = set(InternalAcronym.objects.values_list("acronym", flat=True))
    missing = [entry for entry in files.read("internal_acronyms") if entry["acronym"] not in existing]
    InternalAcronym.objects.bulk_create(InternalAcronym(**entry) for entry in missing)
    return len(missing)


def demo_offers():
    """(employer slug, offer as written) for every demo offer, in a stable order."""
    return [(employer["institution"], offer) for employer in files.offer_files() for offer in employer["offers"]]


# Employers whose staff is mostly hired under private law: their offers state no versant.
PRIVATE_LAW_EMPLOYERS = {"france-travail", "caisse-des-depots"}


def offer_rows(today=None):
    """The demo offers as import rows (dicts with the importer's COLUMNS), dated from `today`."""
    today = today or timezone.localdate()
    recruitment = {institution["slug"]: institution["recruitment"] for institution in institutions()}
    return [_row(offer, slug, recruitment[slug], today) for slug, offer in demo_offers()]


def _row(offer, institution, recruitment, today):
    salary = offer.get("salary", {})
    apply = offer.get("apply", "url")
    row = {
        "external_id": offer["id"],
        "title": offer["title"],
        "institution": institution,
        "profession": offer["profession"],
        "contract_types": "|".join(offer["contracts"]),
        "category": offer.get("category", ""),
        "versant": offer.get("versant", "" if institution in PRIVATE_LAW_EMPLOYERS else "etat"),
        "experience_level": offer["experience"],
        "remote": offer["remote"],
        "city": offer["city"],
        "postal_code": offer["postal_code"],
        "salary_min": salary.get("min", ""),
        "salary_max": salary.get("max", ""),
        "description": _bullets(offer["missions"]),
        "context": _paragraphs(offer["context"]),
        "profile": _bullets(offer["profile"]) + ("\n\n" + offer["profile_note"] if "profile_note" in offer else ""),
        "benefits": _bullets(offer.get("benefits") or _shared_benefits(recruitment, offer["remote"])),
        "process": _steps(offer.get("process", recruitment["process"])),
        "apply_url": APPLY_URL.format(reference=offer["reference"]) if apply in ("url", "both") else "",
        "apply_email": recruitment["email"] if apply in ("email", "both") else "",
        "published_at": (today - datetime.timedelta(days=offer["published"])).isoformat(),
        "deadline": (today + datetime.timedelta(days=offer["deadline"])).isoformat(),
        "skills": "|".join(offer["skills"]),
    }
    assert set(row) == set(COLUMNS), sorted(set(COLUMNS) ^ set(row))
    return row


def _shared_benefits(recruitment, remote):
    """The employer's benefits; its line on remote work only for offers with partial remote work
    (an offer in full remote work says how it works in its own `benefits`)."""
    remote_benefit = [recruitment["remote_benefit"]] if remote == "partiel" and "remote_benefit" in recruitment else []
    return recruitment["benefits"] + remote_benefit


def _paragraphs(texts):
    return "\n\n".join([texts] if isinstance(texts, str) else texts)


def _bullets(lines):
    return "\n".join(f"- {line}" for line in lines)


def _steps(lines):
    return "\n".join(f"{number}. {line}" for number, line in enumerate(lines, start=1))


def mark_filled_offers():
    """Close the open demo offers marked `filled` in their file, as an editor does it (a revision),
    once. Returns how many this run closed."""
    today = timezone.localdate()
    filled_ids = [offer["id"] for _, offer in demo_offers() if offer.get("filled")]
    candidates = JobOffer.objects.filter(source=DEMO_SOURCE, filled_at__isnull=True, external_id__in=filled_ids)
    filled = 0
    for offer in candidates.open():
        mark_filled(offer, today=max(today - datetime.timedelta(days=3), timezone.localdate(offer.first_published_at)))
        filled += 1
    return filled
